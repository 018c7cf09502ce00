using Harness.Fuzz;
using SharpFuzz;

// harness-fuzz <mcap|scenario>                       the target under afl-fuzz; outside it, once on standard input,
//                                                     which is how a reported crash is replayed
// harness-fuzz <mcap|scenario>-libfuzzer              the target under libfuzzer-dotnet
// harness-fuzz seed <directory>                       writes the MCAP seed corpus
// One argument per mode, because libfuzzer-dotnet passes exactly one (--target_arg). docs/fuzzing.md has the commands.
if (args is ["seed", var directory])
{
    Directory.CreateDirectory(directory);
    foreach (var (name, bytes) in FuzzCorpus.Mcap())
    {
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    return 0;
}

if (args is not [("mcap" or "scenario" or "mcap-libfuzzer" or "scenario-libfuzzer") and var mode])
{
    await Console.Error.WriteLineAsync("usage: harness-fuzz <mcap|scenario>[-libfuzzer] | harness-fuzz seed <directory>");
    return 2;
}

ReadOnlySpanAction target = mode.StartsWith("mcap", StringComparison.Ordinal) ? FuzzTargets.Mcap : FuzzTargets.Scenario;
if (mode.EndsWith("-libfuzzer", StringComparison.Ordinal))
{
    Fuzzer.LibFuzzer.Run(target);
}
else
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        target(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    });
}

return 0;
