using Harness.Cli;
using Harness.Inference;

var parsed = HarnessCommand.Create().Parse(args);
OnnxRuntimeLog.Verbose = parsed.GetValue(HarnessCommand.Verbose);
return parsed.Invoke();
