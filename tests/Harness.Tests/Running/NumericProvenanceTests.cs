using System.Runtime.InteropServices;
using Harness.Metrics;
using Harness.Running;
using Harness.Scenarios;
using Harness.Simd;

namespace Harness.Tests.Running;

public sealed class NumericProvenanceTests
{
    [Fact]
    public void Current_describes_this_process_and_the_session()
    {
        var provenance = ProvenanceProbe.Current(new SessionSpec(3, "extended", true));

        Assert.Matches(@"^\d+\.\d+\.\d+", provenance.OnnxRuntimeVersion);
        Assert.Equal("CPUExecutionProvider", provenance.ExecutionProvider);
        Assert.Equal((3, "extended"), (provenance.IntraOpThreads, provenance.GraphOptimization));
        Assert.False(string.IsNullOrWhiteSpace(provenance.CpuModel));
        Assert.Contains(provenance.VectorWidthBits, new[] { 0, 128, 256, 512 });
        Assert.Equal(RuntimeInformation.OSDescription, provenance.Os);
        Assert.Equal(RuntimeInformation.FrameworkDescription, provenance.DotnetVersion);
    }

    [Fact]
    public void Vector_width_is_the_width_the_kernels_take_on_this_thread()
    {
        var session = new SessionSpec(1, "all", true);

        Assert.Equal(VectorWidth.Hardware, ProvenanceProbe.Current(session).VectorWidthBits);
        using (VectorWidth.Force(0))
        {
            Assert.Equal(0, ProvenanceProbe.Current(session).VectorWidthBits);
        }
    }

    [Fact]
    public void Differences_list_each_changed_field_from_the_other_to_this()
    {
        var baseline = new NumericProvenance("1.20.0", "CPUExecutionProvider", 1, "all", "CPU A", 512, "Linux", ".NET 10.0.0");
        var measured = baseline with { OnnxRuntimeVersion = "1.31.1", CpuModel = "CPU B", VectorWidthBits = 256 };

        Assert.Equal(["cpu_model: CPU A -> CPU B", "onnx_runtime_version: 1.20.0 -> 1.31.1", "vector_width_bits: 512 -> 256"], measured.DifferencesFrom(baseline));
        Assert.Empty(measured.DifferencesFrom(measured with { }));
    }
}
