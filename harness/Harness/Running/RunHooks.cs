namespace Harness.Running;

/// <summary>
/// What a caller can hook into a run without changing what it computes: the clock stage timings and replay times are
/// read from (a test fixes it to make them reproducible) and, for the project's tests, a call as each scenario enters
/// each stage, so a test can make any stage throw.
/// </summary>
public sealed record RunHooks
{
    /// <summary>The system clock and no stage hook.</summary>
    public static RunHooks None { get; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Called with the scenario file (for <see cref="PipelineStage.Load"/>) or id as it enters each stage.</summary>
    internal Action<string, PipelineStage>? Entering { get; init; }

    internal void Enter(string subject, PipelineStage stage) => Entering?.Invoke(subject, stage);
}
