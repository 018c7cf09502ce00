namespace Harness.Tests.Testing;

/// <summary>
/// Marks a test class that checks a metric family against an independent expectation (a reference tool's numbers, a
/// scalar recount, hand-computed cases). Every registered family needs one (MetricFamiliesTests).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class ReferenceTestOfAttribute(Type family) : Attribute
{
    public Type Family { get; } = family;
}
