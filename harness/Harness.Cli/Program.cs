using Harness.Cli;

return HarnessCommand.Create().Parse(args).Invoke();
