using Harness.Postprocessing.Layouts;

namespace Harness.Tests.Postprocessing;

internal static class TestLayouts
{
    /// <summary>A registered layout with its default settings for a model of this input size and class count.</summary>
    public static LayoutConfig Configure(string name, int classes, int inputWidth = 640, int inputHeight = 640) =>
        OutputLayouts.Get(name).Configure(inputWidth, inputHeight, classes);
}
