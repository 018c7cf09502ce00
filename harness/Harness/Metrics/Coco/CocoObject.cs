using System.Text.Json;

namespace Harness.Metrics.Coco;

/// <summary>The fields of a COCO image, category, annotation or detection object that the evaluation reads.</summary>
internal enum CocoField
{
    Other,
    Id,
    ImageId,
    CategoryId,
    Score,
    Area,
    IsCrowd,
    Ignore,
    Bbox,
    Name,
}

/// <summary>
/// One COCO JSON object's fields as <see cref="CocoJsonReader"/> found them in a single pass. A field is checked when
/// it is asked for, so a missing or mistyped field is reported under its name ("annotations[3].area must be a
/// number") just as a lookup in a document tree would report it.
/// </summary>
internal struct CocoObject
{
    private const int BoxLength = 4;

    private Number _id;
    private Number _imageId;
    private Number _categoryId;
    private Number _score;
    private Number _area;
    private Number _isCrowd;
    private Number _ignore;
    private double _x;
    private double _y;
    private double _width;
    private double _height;
    private int _boxLength;
    private int _boxNotNumber;
    private bool _boxIsArray;

    public string? Name { get; set; }

    public static CocoField FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("bbox"u8) ? CocoField.Bbox
        : reader.ValueTextEquals("image_id"u8) ? CocoField.ImageId
        : reader.ValueTextEquals("category_id"u8) ? CocoField.CategoryId
        : reader.ValueTextEquals("score"u8) ? CocoField.Score
        : reader.ValueTextEquals("area"u8) ? CocoField.Area
        : reader.ValueTextEquals("iscrowd"u8) ? CocoField.IsCrowd
        : reader.ValueTextEquals("ignore"u8) ? CocoField.Ignore
        : reader.ValueTextEquals("id"u8) ? CocoField.Id
        : reader.ValueTextEquals("name"u8) ? CocoField.Name
        : CocoField.Other;

    /// <summary>Records the value the reader is on for a numeric or flag field.</summary>
    public void Set(CocoField field, ref Utf8JsonReader reader)
    {
        var value = Number.Of(ref reader);
        switch (field)
        {
            case CocoField.Id: _id = value; break;
            case CocoField.ImageId: _imageId = value; break;
            case CocoField.CategoryId: _categoryId = value; break;
            case CocoField.Score: _score = value; break;
            case CocoField.Area: _area = value; break;
            case CocoField.IsCrowd: _isCrowd = value; break;
            case CocoField.Ignore: _ignore = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a numeric field");
        }
    }

    /// <summary>Reads the <c>bbox</c> value the reader is on; its elements past the fourth are only counted.</summary>
    public void ReadBox(ref Utf8JsonReader reader, string path)
    {
        _boxIsArray = reader.TokenType == JsonTokenType.StartArray;
        _boxLength = 0;
        _boxNotNumber = -1;
        if (!_boxIsArray)
        {
            return;
        }

        while (CocoJsonReader.Next(ref reader, path) != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value))
            {
                switch (_boxLength)
                {
                    case 0: _x = value; break;
                    case 1: _y = value; break;
                    case 2: _width = value; break;
                    case 3: _height = value; break;
                }
            }
            else
            {
                _boxNotNumber = _boxNotNumber < 0 ? _boxLength : _boxNotNumber;
                CocoJsonReader.Skip(ref reader, path);
            }

            _boxLength++;
        }
    }

    public readonly (double X, double Y, double W, double H) Box(string path, CocoPlace where) =>
        !_boxIsArray || _boxLength != BoxLength
            ? throw new CocoFormatException(path, $"{where}.bbox must be an array of 4 numbers [x, y, width, height]")
            : _boxNotNumber >= 0
                ? throw new CocoFormatException(path, $"{where}.bbox[{_boxNotNumber}] must be a number")
                : (_x, _y, _width, _height);

    public readonly double Double(string path, CocoField field, CocoPlace where) => Required(path, field, where).Value;

    public readonly long Int64(string path, CocoField field, CocoPlace where) =>
        Required(path, field, where) is { IsInteger: true } number
            ? number.Integer
            : throw new CocoFormatException(path, $"{where}.{Text(field)} must be an integer");

    public readonly int Int32(string path, CocoField field, CocoPlace where) =>
        Required(path, field, where) is { IsInteger: true, Integer: >= int.MinValue and <= int.MaxValue } number
            ? (int)number.Integer
            : throw new CocoFormatException(path, $"{where}.{Text(field)} must be a 32-bit integer");

    /// <summary>Optional 0/1 (or boolean) flag; absent means false.</summary>
    public readonly bool Flag(string path, CocoField field, CocoPlace where)
    {
        var value = Get(field);
        return value.Kind switch
        {
            NumberKind.Missing or NumberKind.False => false,
            NumberKind.True => true,
            NumberKind.Number when value.IsInteger => value.Integer != 0,
            _ => throw new CocoFormatException(path, $"{where}.{Text(field)} must be 0 or 1"),
        };
    }

    private static string Text(CocoField field) => field switch
    {
        CocoField.Id => "id",
        CocoField.ImageId => "image_id",
        CocoField.CategoryId => "category_id",
        CocoField.Score => "score",
        CocoField.Area => "area",
        CocoField.IsCrowd => "iscrowd",
        CocoField.Ignore => "ignore",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a numeric field"),
    };

    private readonly Number Required(string path, CocoField field, CocoPlace where) =>
        Get(field) is { Kind: NumberKind.Number } number
            ? number
            : throw new CocoFormatException(path, $"{where}.{Text(field)} must be a number");

    private readonly Number Get(CocoField field) => field switch
    {
        CocoField.Id => _id,
        CocoField.ImageId => _imageId,
        CocoField.CategoryId => _categoryId,
        CocoField.Score => _score,
        CocoField.Area => _area,
        CocoField.IsCrowd => _isCrowd,
        CocoField.Ignore => _ignore,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a numeric field"),
    };

    private enum NumberKind : byte
    {
        Missing,
        Number,
        True,
        False,
        Other,
    }

    /// <summary>
    /// A field's value: a finite number (and whether it is an integer, and which), a boolean, or something else. A
    /// number beyond double's range (1e999) is something else: it would score or place a box at infinity.
    /// </summary>
    private readonly record struct Number(NumberKind Kind, double Value, bool IsInteger, long Integer)
    {
        // An integer is parsed once: converting it to double rounds it as parsing its digits as a double would.
        public static Number Of(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var integer) => new Number(NumberKind.Number, integer, true, integer),
            JsonTokenType.Number when reader.TryGetDouble(out var value) && double.IsFinite(value) => new Number(NumberKind.Number, value, false, 0),
            JsonTokenType.True => new Number(NumberKind.True, 0, false, 0),
            JsonTokenType.False => new Number(NumberKind.False, 0, false, 0),
            _ => new Number(NumberKind.Other, 0, false, 0),
        };
    }
}
