using Xunit;
using Xunit.Sdk;

namespace Harness.Testing;

/// <summary>
/// A theory over the repository's scenarios with <see cref="Tag"/>: one test case per scenario, its id the argument.
/// A tag no scenario carries is one skipped case saying so, not a failure (a new repository has no nightly scenarios).
/// </summary>
[XunitTestCaseDiscoverer("Harness.Testing.ScenarioTheoryDiscoverer", "Harness.Testing")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ScenarioTheoryAttribute(string tag) : FactAttribute
{
    public string Tag { get; } = tag;
}
