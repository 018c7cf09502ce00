using System.Globalization;

namespace Harness.Clips.Mcap;

/// <summary>Where a record sits (file, record name, byte offset), so every error can say exactly that.</summary>
internal readonly record struct McapRecordLocation(string File, McapOpcode? Opcode, long Offset, long? ChunkOffset = null)
{
    public ClipFormatException Error(string problem) => new(Describe(problem));

    public ClipFormatException Error(string problem, Exception inner) => new(Describe(problem), inner);

    public static string OpcodeName(byte opcode) =>
        Enum.IsDefined((McapOpcode)opcode) ? ((McapOpcode)opcode).ToString() : string.Create(CultureInfo.InvariantCulture, $"unknown (opcode 0x{opcode:X2})");

    private string Describe(string problem)
    {
        var record = Opcode is { } opcode ? $"{opcode} record" : "record";
        var where = ChunkOffset is { } chunk
            ? string.Create(CultureInfo.InvariantCulture, $"{record} at byte offset {Offset} of the records of the Chunk at byte offset {chunk}")
            : string.Create(CultureInfo.InvariantCulture, $"{record} at byte offset {Offset}");
        return $"{File}: {where}: {problem}";
    }
}
