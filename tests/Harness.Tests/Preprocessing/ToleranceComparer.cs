namespace Harness.Tests.Preprocessing;

/// <summary>Equal within a tolerance relative to the magnitude of the values (absolute near zero).</summary>
internal sealed class ToleranceComparer(float relative) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= relative * Math.Max(1f, Math.Max(Math.Abs(x), Math.Abs(y)));

    public int GetHashCode(float obj) => 0;
}
