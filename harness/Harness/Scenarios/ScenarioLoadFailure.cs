namespace Harness.Scenarios;

/// <summary>A scenario file that did not load, with every problem found in it; the suite reports it as a failed scenario.</summary>
public sealed record ScenarioLoadFailure(string File, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>The file name without extension: the id the scenario most likely has, since its own id could not be read.</summary>
    public string Id => Path.GetFileNameWithoutExtension(File);
}
