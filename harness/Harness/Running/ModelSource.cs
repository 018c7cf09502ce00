using Harness.IO;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// Turns a scenario's model source into an ONNX file with a content hash. Models built from code
/// (<see cref="ModelGenerators"/>) are written to the cache only when their bytes change, so the file on disk is always
/// what the code builds.
/// </summary>
internal sealed record ModelSource(string Path, string Sha256)
{
    public static ModelSource Resolve(ModelSpec model, string cacheDirectory)
    {
        string path;
        if (ModelGenerators.For(model.Source) is { } generator)
        {
            var name = model.Source[generator.Scheme.Length..];
            if (!generator.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ScenarioInputException($"unknown reference model '{model.Source}' (known: {string.Join(", ", generator.Names.Select(n => generator.Scheme + n))})");
            }

            path = WriteIfChanged(generator.Build(name), System.IO.Path.Combine(cacheDirectory, "models", name + ".onnx"));
        }
        else if (File.Exists(model.Source))
        {
            path = model.Source;
        }
        else
        {
            throw new ScenarioInputException($"model '{model.Source}' does not exist");
        }

        var sha = ContentHash.OfFile(path);
        PinnedHash.Verify(path, sha, model.Sha256, "model");
        return new ModelSource(path, sha);
    }

    private static string WriteIfChanged(byte[] bytes, string path) =>
        CachedFile.Ensure(path, existing => File.Exists(existing) && File.ReadAllBytes(existing).AsSpan().SequenceEqual(bytes),
            temporary => File.WriteAllBytes(temporary, bytes));
}
