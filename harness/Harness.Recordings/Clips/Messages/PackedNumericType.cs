namespace Harness.Clips.Messages;

/// <summary>foxglove.PackedElementField.NumericType: the storage type of one point field.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The names mirror foxglove.PackedElementField.NumericType.")]
internal enum PackedNumericType
{
    Unknown = 0,
    Uint8 = 1,
    Int8 = 2,
    Uint16 = 3,
    Int16 = 4,
    Uint32 = 5,
    Int32 = 6,
    Float32 = 7,
    Float64 = 8,
}
