namespace Harness.Models.Onnx;

/// <summary>One node attribute; exactly one of the value fields is meaningful, selected by <see cref="Kind"/>.</summary>
internal sealed record OnnxAttribute(string Name, OnnxAttributeKind Kind, long Int, float Float, string? Text, long[]? Ints, float[]? Floats)
{
    public static OnnxAttribute Of(string name, long value) => new(name, OnnxAttributeKind.Int, value, 0f, null, null, null);

    public static OnnxAttribute Of(string name, float value) => new(name, OnnxAttributeKind.Float, 0, value, null, null, null);

    public static OnnxAttribute Of(string name, string value) => new(name, OnnxAttributeKind.String, 0, 0f, value, null, null);

    public static OnnxAttribute Of(string name, params long[] values) => new(name, OnnxAttributeKind.Ints, 0, 0f, null, values, null);

    public static OnnxAttribute Of(string name, params float[] values) => new(name, OnnxAttributeKind.Floats, 0, 0f, null, null, values);
}
