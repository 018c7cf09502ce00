using Harness.IO;
using Harness.Models;
using Harness.Scenarios;
using Harness.Testing;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Tests.Models;

public class ReferenceModelsTests
{
    [Fact]
    public void Same_name_builds_identical_bytes_and_variants_differ()
    {
        var v1 = ReferenceModels.Build("detector-v1");
        Assert.Equal(v1, ReferenceModels.Build("detector-v1"));
        Assert.Equal(v1, ReferenceModels.BuildFromUri("reference://detector-v1"));
        Assert.NotEqual(v1, ReferenceModels.Build("detector-v1-degraded"));
        Assert.NotEqual(v1, ReferenceModels.Build("detector-v1-mixed"));
    }

    /// <summary>The ONNX bytes are pinned by the scenarios: any change to how a graph is serialized shows here first.</summary>
    [Fact]
    public void Every_reference_model_builds_the_bytes_the_scenarios_pin()
    {
        var pins = ScenarioLoader.LoadEach(RepositoryPaths.Scenarios).Scenarios
            .Where(s => s.Model.Source.StartsWith(ReferenceModels.UriScheme, StringComparison.Ordinal) && s.Model.Sha256 is not null)
            .Select(s => (s.Model.Source, Pinned: s.Model.Sha256!))
            .Distinct()
            .ToList();

        Assert.Equal(ReferenceModels.Names.Order(StringComparer.Ordinal), pins.Select(p => p.Source[ReferenceModels.UriScheme.Length..]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(pins, pin => Assert.Equal(pin.Pinned, ContentHash.Of(ReferenceModels.BuildFromUri(pin.Source))));
    }

    [Fact]
    public void Rejects_unknown_names_listing_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ReferenceModels.BuildFromUri("reference://detector-v9"));
        Assert.Contains("'detector-v9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("detector-v1, detector-v1-degraded, detector-v1-mixed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declares_image_input_and_yolov8_output_with_one_column_per_anchor()
    {
        using var session = new InferenceSession(ReferenceModels.Build("detector-v1"));
        Assert.Equal(new[] { 1, 3, ReferenceModels.InputHeight, ReferenceModels.InputWidth }, session.InputMetadata["images"].Dimensions);
        var anchors = ReferenceDetectorGraph.Anchors(ReferenceDetectorParameters.Tuned)
            .Sum(b => b.Rows(ReferenceModels.InputHeight) * b.Columns(ReferenceModels.InputWidth));
        Assert.Equal(new[] { 1, 4 + 3, anchors }, session.OutputMetadata["output0"].Dimensions);
    }
}
