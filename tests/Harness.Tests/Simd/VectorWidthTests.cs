using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Harness.Simd;

namespace Harness.Tests.Simd;

[Trait("Category", "simd")]
public sealed class VectorWidthTests
{
    /// <summary>
    /// The build's Test target reruns the SIMD agreement tests with <c>DOTNET_EnableAVX512=0</c> and with
    /// <c>DOTNET_EnableAVX2=0</c>; this proves those switches reached the runtime, so the hardware-detected 256- and
    /// 128-bit paths are what those reruns compared with the scalar reference. (.NET 10 ignores the older
    /// <c>DOTNET_EnableAVX512F=0</c>, which this test caught: it is still checked, so setting it alone fails here.)
    /// </summary>
    [Fact]
    public void Hardware_width_follows_the_runtime_switches()
    {
        var x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        var avx2Off = SwitchedOff("DOTNET_EnableAVX2");
        var avx512Off = SwitchedOff("DOTNET_EnableAVX512") || SwitchedOff("DOTNET_EnableAVX512F");

        if (x64 && avx2Off)
        {
            Assert.Equal(128, VectorWidth.Hardware);
        }
        else if (x64 && avx512Off)
        {
            Assert.Equal(Avx2.IsSupported ? 256 : 128, VectorWidth.Hardware);
        }
        else if (x64)
        {
            Assert.Equal(Avx512F.IsSupported ? 512 : Avx2.IsSupported ? 256 : 128, VectorWidth.Hardware);
        }
        else
        {
            Assert.Contains(VectorWidth.Hardware, new[] { 0, 128 });
        }
    }

    [Fact]
    public void Supported_widths_run_from_scalar_up_to_the_hardware_width()
    {
        var expected = new[] { 0, 128, 256, 512 }.TakeWhile(bits => bits <= VectorWidth.Hardware);

        Assert.Equal(expected, VectorWidth.Supported);
    }

    [Fact]
    public void Forcing_a_width_changes_this_thread_only_and_disposing_restores_the_previous_one()
    {
        var narrowest = VectorWidth.Supported[0];
        var otherThread = -1;

        using (VectorWidth.Force(narrowest))
        {
            Assert.Equal(narrowest, VectorWidth.Current);
            using (VectorWidth.Force(VectorWidth.Hardware))
            {
                Assert.Equal(VectorWidth.Hardware, VectorWidth.Current);
            }

            Assert.Equal(narrowest, VectorWidth.Current);
            var thread = new Thread(() => otherThread = VectorWidth.Current);
            thread.Start();
            thread.Join();
        }

        Assert.Equal(VectorWidth.Hardware, otherThread);
        Assert.Equal(VectorWidth.Hardware, VectorWidth.Current);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    [InlineData(-128)]
    public void Forcing_a_width_that_is_not_a_vector_width_is_rejected(int bits)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => VectorWidth.Force(bits));

        Assert.Contains("vector widths", error.Message, StringComparison.Ordinal);
        Assert.Equal(VectorWidth.Hardware, VectorWidth.Current);
    }

    [Fact]
    public void Forcing_a_width_wider_than_the_hardware_is_rejected()
    {
        var wider = VectorWidth.Hardware == 0 ? 128 : VectorWidth.Hardware * 2;

        Assert.Throws<ArgumentOutOfRangeException>(() => VectorWidth.Force(wider));
    }

    private static bool SwitchedOff(string variable) => Environment.GetEnvironmentVariable(variable) == "0";
}
