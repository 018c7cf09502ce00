using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>The one way a suite's YAML files are opened: exactly one document whose top level is a mapping.</summary>
internal static class YamlDocuments
{
    /// <exception cref="ScenarioValidationException">The text is not YAML, or not one document with a mapping at the top.</exception>
    public static YamlMappingNode LoadMapping(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScenarioValidationException([new ValidationError(path, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {e.Message}")]);
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new ScenarioValidationException([new ValidationError(path, 1, 1, "", "expected one YAML document whose top level is a mapping")]);
    }
}
