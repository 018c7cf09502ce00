using BenchmarkDotNet.Running;
using Harness.Benchmarks.Inference;

if (args is ["inference-loop", .. var loopArguments])
{
    return InferenceLoop.Run(loopArguments);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
