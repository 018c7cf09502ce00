using System.Runtime.InteropServices;

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
        var model = new ProtoWriter();
        model.WriteInt64(1, IrVersion);
        model.WriteString(2, producerName);
        model.WriteMessage(7, WriteGraph);
        model.WriteMessage(8, opset =>
        {
            opset.WriteString(1, string.Empty);
            opset.WriteInt64(2, opsetVersion);
        });
        foreach (var (key, value) in _metadata)
        {
            model.WriteMessage(14, entry =>
            {
                entry.WriteString(1, key);
                entry.WriteString(2, value);
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

    private void WriteGraph(ProtoWriter graph)
    {
        foreach (var node in _nodes)
        {
            graph.WriteMessage(1, node.Write);
        }

        graph.WriteString(2, _name);
        foreach (var initializer in _initializers)
        {
            graph.WriteMessage(5, initializer.Write);
        }

        foreach (var input in _inputs)
        {
            graph.WriteMessage(11, input.Write);
        }

        foreach (var output in _outputs)
        {
            graph.WriteMessage(12, output.Write);
        }
    }

    private sealed record ValueInfo(string Name, OnnxElementType Type, long[] Shape)
    {
        public void Write(ProtoWriter valueInfo)
        {
            valueInfo.WriteString(1, Name);
            valueInfo.WriteMessage(2, type => type.WriteMessage(1, tensor =>
            {
                tensor.WriteInt64(1, (long)Type);
                tensor.WriteMessage(2, shape =>
                {
                    for (var i = 0; i < Shape.Length; i++)
                    {
                        var dim = Shape[i];
                        var symbol = $"{Name}_dim{i}";
                        shape.WriteMessage(1, dimension =>
                        {
                            if (dim < 0)
                            {
                                dimension.WriteString(2, symbol);
                            }
                            else
                            {
                                dimension.WriteInt64(1, dim);
                            }
                        });
                    }
                });
            }));
        }
    }

    private sealed record Initializer(string Name, OnnxElementType Type, long[] Shape, byte[] RawData)
    {
        public void Write(ProtoWriter tensor)
        {
            tensor.WritePackedInt64(1, Shape);
            tensor.WriteInt64(2, (long)Type);
            tensor.WriteString(8, Name);
            tensor.WriteBytes(9, RawData);
        }
    }

    private sealed record Node(string Name, string OpType, string[] Inputs, string[] Outputs, OnnxAttribute[] Attributes)
    {
        public void Write(ProtoWriter node)
        {
            foreach (var input in Inputs)
            {
                node.WriteString(1, input);
            }

            foreach (var output in Outputs)
            {
                node.WriteString(2, output);
            }

            node.WriteString(3, Name);
            node.WriteString(4, OpType);
            foreach (var attribute in Attributes)
            {
                node.WriteMessage(5, attr => WriteAttribute(attr, attribute));
            }
        }

        private static void WriteAttribute(ProtoWriter writer, OnnxAttribute attribute)
        {
            writer.WriteString(1, attribute.Name);
            switch (attribute.Kind)
            {
                case OnnxAttributeKind.Float:
                    writer.WriteFloat(2, attribute.Float);
                    break;
                case OnnxAttributeKind.Int:
                    writer.WriteInt64(3, attribute.Int);
                    break;
                case OnnxAttributeKind.String:
                    writer.WriteString(4, attribute.Text!);
                    break;
                case OnnxAttributeKind.Floats:
                    writer.WritePackedFloat(7, attribute.Floats);
                    break;
                case OnnxAttributeKind.Ints:
                    writer.WritePackedInt64(8, attribute.Ints);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(attribute), attribute.Kind, "Unsupported attribute kind.");
            }

            writer.WriteInt64(20, (long)attribute.Kind);
        }
    }
}
