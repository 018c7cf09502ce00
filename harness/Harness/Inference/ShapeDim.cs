using System.Globalization;

namespace Harness.Inference;

/// <summary>
/// One dimension of an expected output shape: a fixed size, the class count plus an offset (4+C, C+1), or the
/// anchor/slot count N, which may be any positive size but must be the same wherever N appears.
/// </summary>
public readonly record struct ShapeDim(ShapeDimKind Kind, int Value)
{
    public static ShapeDim One { get; } = Fixed(1);

    public static ShapeDim Anchors { get; } = new(ShapeDimKind.Anchors, 0);

    public static ShapeDim Fixed(int size) => new(ShapeDimKind.Fixed, size);

    /// <summary>C + <paramref name="offset"/>: 4+C for boxes before the class scores, C+1 with a background column.</summary>
    public static ShapeDim Classes(int offset = 0) => new(ShapeDimKind.Classes, offset);

    public override string ToString() => Kind switch
    {
        ShapeDimKind.Fixed => Value.ToString(CultureInfo.InvariantCulture),
        ShapeDimKind.Anchors => "N",
        _ when Value == 0 => "C",
        _ when Value < 4 => string.Create(CultureInfo.InvariantCulture, $"C+{Value}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Value}+C"),
    };
}
