using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Harness.Scenarios;

/// <summary>The one way a suite's YAML files are opened: exactly one document whose top level is a mapping.</summary>
internal static class YamlDocuments
{
    /// <exception cref="ScenarioValidationException">The text is not YAML, repeats a key in a mapping, or is not one document with a mapping at the top.</exception>
    public static YamlMappingNode LoadMapping(string yaml, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var duplicates = DuplicateKeys(yaml, path);
            throw new ScenarioValidationException(duplicates.Count > 0
                ? duplicates
                : [new ValidationError(path, (int)e.Start.Line, (int)e.Start.Column, "", $"invalid YAML: {e.Message}")]);
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new ScenarioValidationException([new ValidationError(path, 1, 1, "", "expected one YAML document whose top level is a mapping")]);
    }

    /// <summary>
    /// Every repeated key of every mapping. The YAML loader stops at the first with a terse message, so a file that
    /// fails to load is walked once more as parser events to name each repetition and where the key first appeared.
    /// Empty when the text is not well-formed YAML at all.
    /// </summary>
    private static List<ValidationError> DuplicateKeys(string yaml, string path)
    {
        var errors = new List<ValidationError>();
        var open = new Stack<MappingKeys?>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current;
                if (current is not NodeEvent && current is not (MappingEnd or SequenceEnd))
                {
                    continue;
                }

                if (current is MappingEnd or SequenceEnd)
                {
                    open.Pop();
                    continue;
                }

                if (open.Count > 0 && open.Peek() is { } mapping && mapping.TakeKeyTurn() && current is Scalar key)
                {
                    if (mapping.FirstLines.TryGetValue(key.Value, out var firstLine))
                    {
                        errors.Add(new ValidationError(path, (int)key.Start.Line, (int)key.Start.Column, "", $"duplicate key '{key.Value}' (first at line {firstLine})"));
                    }
                    else
                    {
                        mapping.FirstLines[key.Value] = (int)key.Start.Line;
                    }
                }

                if (current is MappingStart)
                {
                    open.Push(new MappingKeys());
                }
                else if (current is SequenceStart)
                {
                    open.Push(null);
                }
            }
        }
        catch (YamlException)
        {
            return [];
        }

        return errors;
    }

    /// <summary>The keys seen so far in one open mapping, whose nodes alternate key, value, key, ...</summary>
    private sealed class MappingKeys
    {
        private bool valueNext;

        public Dictionary<string, int> FirstLines { get; } = new(StringComparer.Ordinal);

        /// <summary>Whether the next node is a key; advances to the node after it.</summary>
        public bool TakeKeyTurn()
        {
            var isKey = !valueNext;
            valueNext = !valueNext;
            return isKey;
        }
    }
}
