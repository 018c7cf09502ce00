using Xunit.Abstractions;
using Xunit.Sdk;

namespace Harness.Testing;

/// <summary>Turns a <see cref="ScenarioTheoryAttribute"/> into its test cases; xunit finds it by the name the attribute gives.</summary>
public sealed class ScenarioTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var tag = (string)factAttribute.GetConstructorArguments().Single();
        IReadOnlyList<string> ids;
        try
        {
            ids = ScenarioCatalog.Tagged(tag);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or Scenarios.ScenarioValidationException)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod, e.Message)];
        }

        return ids.Count == 0
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"no scenario in {ScenarioCatalog.Repository.Scenarios} is tagged '{tag}'")]
            : ids.Select(id => new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod, [id]));
    }
}
