using Harness.Simd;

namespace Harness.Tests.Simd;

/// <summary>Theory data: every vector width this machine runs, scalar (0) included, so each is its own test case.</summary>
public static class VectorWidths
{
    public static TheoryData<int> Supported => [.. VectorWidth.Supported];
}
