namespace Harness.Models.Onnx;

/// <summary>ONNX AttributeProto.AttributeType values for the attribute kinds the writer supports.</summary>
internal enum OnnxAttributeKind
{
    Float = 1,
    Int = 2,
    String = 3,
    Floats = 6,
    Ints = 7,
}
