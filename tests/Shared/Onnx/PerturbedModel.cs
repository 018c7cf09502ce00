using System.Buffers.Binary;
using Google.Protobuf;

namespace Harness.Testing;

/// <summary>
/// A copy of an ONNX model whose float weights are scaled by (1 + e) and (1 - e) in turn: a retrain that changes
/// nothing real. Walks the protobuf wire format of ModelProto -> graph (7) -> initializer (5) -> TensorProto and
/// rewrites raw_data (9) of FLOAT tensors (data_type 2 = 1), the field numbers of onnx.proto.
/// </summary>
internal static class PerturbedModel
{
    public static byte[] Scale(byte[] model, float epsilon) => Rewrite(model, [7, 5], epsilon);

    /// <param name="path">Field numbers leading from this message down to the TensorProtos.</param>
    private static byte[] Rewrite(byte[] message, int[] path, float epsilon)
    {
        var input = new CodedInputStream(message);
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        var isFloatTensor = path.Length == 0 && IsFloatTensor(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            if (WireFormat.GetTagWireType(tag) != WireFormat.WireType.LengthDelimited)
            {
                output.WriteTag(tag);
                CopyScalar(input, output, tag);
                continue;
            }

            var bytes = input.ReadBytes().ToByteArray();
            if (path.Length > 0 && field == path[0])
            {
                bytes = Rewrite(bytes, path[1..], epsilon);
            }
            else if (isFloatTensor && field == 9)
            {
                bytes = ScaleFloats(bytes, epsilon);
            }

            output.WriteTag(tag);
            output.WriteBytes(ByteString.CopyFrom(bytes));
        }

        output.Flush();
        return buffer.ToArray();
    }

    private static bool IsFloatTensor(byte[] tensor)
    {
        var input = new CodedInputStream(tensor);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 2 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
            {
                return input.ReadInt32() == 1;
            }

            input.SkipLastField();
        }

        return false;
    }

    private static byte[] ScaleFloats(byte[] raw, float epsilon)
    {
        var scaled = (byte[])raw.Clone();
        for (var i = 0; i + 4 <= scaled.Length; i += 4)
        {
            var value = BinaryPrimitives.ReadSingleLittleEndian(scaled.AsSpan(i));
            var factor = (i / 4) % 2 == 0 ? 1 + epsilon : 1 - epsilon;
            BinaryPrimitives.WriteSingleLittleEndian(scaled.AsSpan(i), value * factor);
        }

        return scaled;
    }

    private static void CopyScalar(CodedInputStream input, CodedOutputStream output, uint tag)
    {
        switch (WireFormat.GetTagWireType(tag))
        {
            case WireFormat.WireType.Varint:
                output.WriteUInt64(input.ReadUInt64());
                break;
            case WireFormat.WireType.Fixed32:
                output.WriteFixed32(input.ReadFixed32());
                break;
            case WireFormat.WireType.Fixed64:
                output.WriteFixed64(input.ReadFixed64());
                break;
            default:
                throw new InvalidDataException($"unexpected wire type in tag {tag}");
        }
    }
}
