namespace Harness.Scenarios;

/// <summary>The model's session section: ONNX Runtime's settings, each value left unset taking its default.</summary>
internal sealed class SessionSectionBuilder
{
    public static readonly string[] KnownOptimizationLevels = ["disable", "basic", "extended", "all"];

    private SessionDraft _session = new(null, null, null);

    public void Set(int? intraOpThreads, string? optimization, bool? deterministic) =>
        _session = new SessionDraft(intraOpThreads ?? _session.Threads, optimization ?? _session.Optimization, deterministic ?? _session.Deterministic);

    public SessionSpec Build(FieldProblems problems)
    {
        var threads = _session.Threads ?? 1;
        if (threads is < 0 or > 256)
        {
            problems.Add("model.session.intra_op_threads", "must be between 0 (runtime default) and 256");
        }

        var level = _session.Optimization ?? "all";
        if (!KnownOptimizationLevels.Contains(level, StringComparer.Ordinal))
        {
            problems.Add("model.session.optimization", $"unknown value '{level}' (expected one of: {string.Join(", ", KnownOptimizationLevels)})");
        }

        return new SessionSpec(threads, level, _session.Deterministic ?? true);
    }

    private sealed record SessionDraft(int? Threads, string? Optimization, bool? Deterministic);
}
