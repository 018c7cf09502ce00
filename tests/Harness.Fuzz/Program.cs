using Harness.Fuzz;
using SharpFuzz;

// harness-fuzz <mcap|scenario> [afl|libfuzzer]   run a target under a fuzzer (docs/fuzzing.md has the command lines);
//                                                outside one, afl mode runs the target once on standard input,
//                                                which is how a reported crash is replayed
// harness-fuzz seed <directory>                  write the MCAP seed corpus for a long run
if (args is ["seed", var directory])
{
    Directory.CreateDirectory(directory);
    foreach (var (name, bytes) in FuzzCorpus.Mcap())
    {
        File.WriteAllBytes(Path.Combine(directory, name), bytes);
    }

    return 0;
}

if (args is not ([("mcap" or "scenario")] or [("mcap" or "scenario"), ("afl" or "libfuzzer")]))
{
    await Console.Error.WriteLineAsync("usage: harness-fuzz <mcap|scenario> [afl|libfuzzer] | harness-fuzz seed <directory>");
    return 2;
}

ReadOnlySpanAction target = args[0] == "mcap" ? FuzzTargets.Mcap : FuzzTargets.Scenario;
if (args is [_, "libfuzzer"])
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
