namespace Harness.Models.Onnx;

/// <summary>The subset of ONNX TensorProto.DataType values the graph writer emits.</summary>
internal enum OnnxElementType
{
    Float = 1,
    UInt8 = 2,
    Int32 = 6,
    Int64 = 7,
    Float16 = 10,
}
