namespace Harness.Scenarios;

/// <summary>ONNX Runtime session settings; defaults favour reproducible numbers over peak speed.</summary>
public sealed record SessionSpec(int IntraOpThreads, string OptimizationLevel, bool Deterministic);
