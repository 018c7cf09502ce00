using Harness.Scenarios;

namespace Harness.Results;

/// <summary>
/// The few facts about a scenario that reports use, kept in its result bundle so a report needs no scenario file:
/// its id, description, tags, the file it was loaded from, where its clip comes from (a review clip re-reads it) and
/// how classes are named and mapped.
/// </summary>
public sealed record ScenarioFacts(string Id, string Description, IReadOnlyList<string> Tags, string SourcePath, ClipSpec Clip, ClassMap Classes)
{
    public static ScenarioFacts Of(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioFacts(scenario.Id, scenario.Description, scenario.Tags, scenario.SourcePath, scenario.Clip, scenario.Model.Classes);
    }
}
