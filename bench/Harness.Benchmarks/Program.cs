using BenchmarkDotNet.Running;
using Harness.Benchmarks.Equivalence;
using Harness.Benchmarks.Inference;

if (args is ["inference-loop", .. var loopArguments])
{
    return InferenceLoop.Run(loopArguments);
}

if (args is ["detection-drift", .. var driftArguments])
{
    return DetectionDrift.Run(driftArguments);
}

if (args is ["threshold-exposure", .. var exposureArguments])
{
    return ThresholdExposure.Run(exposureArguments);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
