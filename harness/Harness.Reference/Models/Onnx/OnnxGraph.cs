using System.Runtime.InteropServices;
using Harness.Clips.Messages;

namespace Harness.Models.Onnx;

/// <summary>
/// Builds an ONNX model (ModelProto) in memory and serializes it. Field numbers follow onnx/onnx.proto; everything
/// is written in insertion order so the same calls always give the same bytes.
/// </summary>
internal sealed class OnnxGraph
{
    private const long IrVersion = 8;

    private readonly string _name;
    private readonly List<ValueInfo> _inputs = [];
    private readonly List<ValueInfo> _outputs = [];
    private readonly List<Initializer> _initializers = [];
    private readonly List<Node> _nodes = [];
    private readonly List<KeyValuePair<string, string>> _metadata = [];
    private int _nextNodeId;

    public OnnxGraph(string name) => _name = name;

    /// <summary>Declares a graph input; a negative dimension is written as a named symbolic (dynamic) dimension.</summary>
    public void AddInput(string name, OnnxElementType type, params long[] shape) => _inputs.Add(new ValueInfo(name, type, shape));

    public void AddOutput(string name, OnnxElementType type, params long[] shape) => _outputs.Add(new ValueInfo(name, type, shape));

    /// <summary>Adds a model-level metadata_props entry, as exporters record class names and input size.</summary>
    public void AddMetadata(string key, string value) => _metadata.Add(new(key, value));

    public string AddInitializer(string name, long[] shape, ReadOnlySpan<float> values)
    {
        CheckElementCount(name, shape, values.Length);
        return AddInitializer(new Initializer(name, OnnxElementType.Float, shape, MemoryMarshal.AsBytes(values).ToArray()));
    }

    public string AddInitializer(string name, long[] shape, ReadOnlySpan<long> values)
    {
        CheckElementCount(name, shape, values.Length);
        return AddInitializer(new Initializer(name, OnnxElementType.Int64, shape, MemoryMarshal.AsBytes(values).ToArray()));
    }

    /// <summary>
    /// Initializer names are unique in a graph (ONNX Runtime keeps the last of two and warns that the model is
    /// malformed), so asking again for the same constant returns the one already added, and reusing a name for a
    /// different constant is a bug in the caller.
    /// </summary>
    private string AddInitializer(Initializer initializer)
    {
        var existing = _initializers.Find(i => i.Name == initializer.Name);
        if (existing is null)
        {
            _initializers.Add(initializer);
        }
        else if (existing.Type != initializer.Type || !existing.Shape.AsSpan().SequenceEqual(initializer.Shape) || !existing.RawData.AsSpan().SequenceEqual(initializer.RawData))
        {
            throw new InvalidOperationException($"Initializer '{initializer.Name}' is already in graph '{_name}' with another value.");
        }

        return initializer.Name;
    }

    /// <summary>Adds a node with a single output whose name is generated; returns that output name.</summary>
    public string Add(string opType, string[] inputs, params OnnxAttribute[] attributes)
    {
        var output = $"{opType.ToLowerInvariant()}_{_nextNodeId}";
        AddNode(opType, inputs, [output], attributes);
        return output;
    }

    public void AddNode(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        _nodes.Add(new Node($"n{_nextNodeId}_{opType}", opType, inputs, outputs, attributes));
        _nextNodeId++;
    }

    public byte[] ToModelBytes(int opsetVersion, string producerName)
    {
        var model = new ProtobufWriter(explicitPresence: true);
        model.SignedVarintField(1, IrVersion);
        model.StringField(2, producerName);
        model.MessageField(7, WriteGraph);
        model.MessageField(8, opset =>
        {
            opset.StringField(1, string.Empty);
            opset.SignedVarintField(2, opsetVersion);
        });
        foreach (var (key, value) in _metadata)
        {
            model.MessageField(14, entry =>
            {
                entry.StringField(1, key);
                entry.StringField(2, value);
            });
        }

        return model.ToArray();
    }

    private static void CheckElementCount(string name, long[] shape, int count)
    {
        long expected = 1;
        foreach (var dim in shape)
        {
            expected *= dim;
        }

        if (expected != count)
        {
            throw new ArgumentException($"Initializer '{name}' has {count} values but shape [{string.Join(", ", shape)}] needs {expected}.", nameof(shape));
        }
    }

    private void WriteGraph(ProtobufWriter graph)
    {
        foreach (var node in _nodes)
        {
            graph.MessageField(1, node.Write);
        }

        graph.StringField(2, _name);
        foreach (var initializer in _initializers)
        {
            graph.MessageField(5, initializer.Write);
        }

        foreach (var input in _inputs)
        {
            graph.MessageField(11, input.Write);
        }

        foreach (var output in _outputs)
        {
            graph.MessageField(12, output.Write);
        }
    }

    private sealed record ValueInfo(string Name, OnnxElementType Type, long[] Shape)
    {
        public void Write(ProtobufWriter valueInfo)
        {
            valueInfo.StringField(1, Name);
            valueInfo.MessageField(2, type => type.MessageField(1, tensor =>
            {
                tensor.SignedVarintField(1, (long)Type);
                tensor.MessageField(2, shape =>
                {
                    for (var i = 0; i < Shape.Length; i++)
                    {
                        var dim = Shape[i];
                        var symbol = $"{Name}_dim{i}";
                        shape.MessageField(1, dimension =>
                        {
                            if (dim < 0)
                            {
                                dimension.StringField(2, symbol);
                            }
                            else
                            {
                                dimension.SignedVarintField(1, dim);
                            }
                        });
                    }
                });
            }));
        }
    }

    private sealed record Initializer(string Name, OnnxElementType Type, long[] Shape, byte[] RawData)
    {
        public void Write(ProtobufWriter tensor)
        {
            tensor.PackedVarintField(1, Shape);
            tensor.SignedVarintField(2, (long)Type);
            tensor.StringField(8, Name);
            tensor.BytesField(9, RawData);
        }
    }

    private sealed record Node(string Name, string OpType, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes)
    {
        public void Write(ProtobufWriter node)
        {
            foreach (var input in Inputs)
            {
                node.StringField(1, input);
            }

            foreach (var output in Outputs)
            {
                node.StringField(2, output);
            }

            node.StringField(3, Name);
            node.StringField(4, OpType);
            foreach (var attribute in Attributes)
            {
                node.MessageField(5, attr => WriteAttribute(attr, attribute));
            }
        }

        private static void WriteAttribute(ProtobufWriter writer, OnnxAttribute attribute)
        {
            writer.StringField(1, attribute.Name);
            switch (attribute.Kind)
            {
                case OnnxAttributeKind.Float:
                    writer.FloatField(2, attribute.Float);
                    break;
                case OnnxAttributeKind.Int:
                    writer.SignedVarintField(3, attribute.Int);
                    break;
                case OnnxAttributeKind.String:
                    writer.StringField(4, attribute.Text!);
                    break;
                case OnnxAttributeKind.Floats:
                    writer.PackedFloatField(7, attribute.Floats);
                    break;
                case OnnxAttributeKind.Ints:
                    writer.PackedVarintField(8, attribute.Ints);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Kind, "Unsupported attribute kind.");
            }

            writer.SignedVarintField(20, (long)attribute.Kind);
        }
    }
}
