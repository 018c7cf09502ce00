namespace Harness.Tests.Testing;

/// <summary>
/// Tests that measure the process's managed heap run alone: tests of other classes running in parallel would count
/// their own allocations against the bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurements";
}
