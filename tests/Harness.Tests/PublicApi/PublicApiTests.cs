using Harness.Tests.Testing;
using PublicApiGenerator;

namespace Harness.Tests.PublicApi;

/// <summary>
/// The public surface of each package, as a reviewer reads it: every public type and member, compared with the approved
/// list. A change to the surface (a type made public, a parameter added) fails here until the list is approved, so it
/// shows in review beside the change.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new() { IncludeAssemblyAttributes = false };

    [Fact]
    public void Harness_Core_public_api_is_the_approved_one() =>
        Approval.Verify("Harness.Core.public-api", "txt", typeof(Harness.Scenarios.Scenario).Assembly.GeneratePublicApi(Options));

    [Fact]
    public void Harness_Recordings_public_api_is_the_approved_one() =>
        Approval.Verify("Harness.Recordings.public-api", "txt", typeof(RecordingFormats).Assembly.GeneratePublicApi(Options));

    [Fact]
    public void Harness_Reference_public_api_is_the_approved_one() =>
        Approval.Verify("Harness.Reference.public-api", "txt", typeof(ReferenceSources).Assembly.GeneratePublicApi(Options));

    [Fact]
    public void Harness_Testing_public_api_is_the_approved_one() =>
        Approval.Verify("Harness.Testing.public-api", "txt", typeof(Harness.Testing.ScenarioCatalog).Assembly.GeneratePublicApi(Options));
}
