namespace Harness.Scenarios;

/// <summary>The clip section: where the clip comes from, its pinned hash, and the topics that carry each stream.</summary>
internal sealed class ClipSectionBuilder
{
    private ClipDraft? _clip;
    private string _camera = ClipSpec.DefaultCameraTopic;
    private string _truth = ClipSpec.DefaultTruthTopic;
    private string? _lidar;
    private string? _cameraInfo;

    public void SetSource(string? source, string? sha256) => _clip = new ClipDraft(source, sha256);

    public void SetTopics(string? camera, string? truth, string? lidar, string? cameraInfo)
    {
        _camera = camera ?? _camera;
        _truth = truth ?? _truth;
        _lidar = lidar ?? _lidar;
        _cameraInfo = cameraInfo ?? _cameraInfo;
    }

    public ClipSpec? Build(ScenarioSources sources, FieldProblems problems)
    {
        if (_clip is null)
        {
            problems.Add("clip", "is required");
            return null;
        }

        var source = sources.Resolve("clip.source", _clip.Source, ScenarioSources.SyntheticScheme);
        var sha = sources.CheckSha("clip.sha256", _clip.Sha256);
        return source is null ? null : new ClipSpec(source, sha, _camera, _truth, _lidar, _cameraInfo);
    }

    private sealed record ClipDraft(string? Source, string? Sha256);
}
