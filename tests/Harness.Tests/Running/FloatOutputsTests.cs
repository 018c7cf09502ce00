using Harness.Inference;
using Harness.Postprocessing.Layouts;
using Harness.Running;
using Harness.Tests.Testing;

namespace Harness.Tests.Running;

public class FloatOutputsTests
{
    private static readonly DetectorContract End2End = OutputLayouts.Get("end2end").Configure(ConstantModels.InputSize, ConstantModels.InputSize, 3).Contract;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Converts_integer_outputs_to_floats_without_allocating_per_frame(bool thirtyTwoBit)
    {
        var model = ConstantModels.End2End(2, thirtyTwoBit, new ModelBox(1, 2, 3, 4, 0.5f, 2), new ModelBox(5, 6, 7, 8, 0.25f, 1));
        using var detector = OnnxDetector.Load(model, "end2end.onnx", End2End);
        var outputs = new FloatOutputs(detector);
        detector.Run();
        outputs.Refresh();

        var allocated = SteadyAllocation.Of(() =>
        {
            for (var frame = 0; frame < 10; frame++)
            {
                outputs.Refresh();
                _ = outputs.Current[2].Data[0];
            }
        });

        Assert.Equal(0, allocated);
        var current = outputs.Current;
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }, current[0].Data.ToArray());
        Assert.Equal(new float[] { 0.5f, 0.25f }, current[1].Data.ToArray());
        Assert.Equal(new float[] { 2, 1 }, current[2].Data.ToArray());
        Assert.Equal(new float[] { 2 }, current[3].Data.ToArray());
        Assert.Equal(new long[] { 1, 2 }, current[2].Shape.ToArray());
    }
}
