using Harness.Models;
using Harness.Scenarios;

namespace Harness.Running;

/// <summary>
/// Turns a scenario's model source into an ONNX file with a content hash. Reference models are built from code and
/// written to the cache only when their bytes change, so the file on disk is always what the code builds.
/// </summary>
internal sealed record ModelSource(string Path, string Sha256)
{
    public static ModelSource Resolve(ModelSpec model, string cacheDirectory)
    {
        string path;
        if (model.Source.StartsWith(ReferenceModels.UriScheme, StringComparison.Ordinal))
        {
            var name = model.Source[ReferenceModels.UriScheme.Length..];
            if (!ReferenceModels.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ScenarioInputException($"unknown reference model '{model.Source}' (known: {string.Join(", ", ReferenceModels.Names.Select(n => ReferenceModels.UriScheme + n))})");
            }

            path = WriteIfChanged(ReferenceModels.Build(name), System.IO.Path.Combine(cacheDirectory, "models", name + ".onnx"));
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
        ContentHash.Verify(path, sha, model.Sha256, "model");
        return new ModelSource(path, sha);
    }

    private static string WriteIfChanged(byte[] bytes, string path) =>
        CachedFile.Ensure(path, existing => File.Exists(existing) && File.ReadAllBytes(existing).AsSpan().SequenceEqual(bytes),
            temporary => File.WriteAllBytes(temporary, bytes));
}
