using Harness;
using Harness.Cli;
using Harness.Inference;

ReferenceSources.Register();
var parsed = HarnessCommand.Create().Parse(args);
OnnxRuntimeLog.Verbose = parsed.GetValue(HarnessCommand.Verbose);
return parsed.Invoke();
