using System.Globalization;

namespace Harness.Clips.Kitti;

/// <summary>
/// One line of a KITTI object label file: type, truncation, occlusion level (0 visible, 1 partly, 2 largely,
/// 3 unknown), alpha, 2D box (x1 y1 x2 y2), 3D size (h w l), location in camera coordinates (x right, y down,
/// z forward) and rotation about the camera's y axis.
/// </summary>
internal sealed record KittiLabel(string Type, float Truncation, int OcclusionLevel, float X1, float Y1, float X2, float Y2, float Height, float Width, float Length, float X, float Y, float Z, float RotationY)
{
    public static KittiLabel Parse(string line, string file, int lineNumber)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (15 or 16))
        {
            throw new ClipFormatException($"{file}:{lineNumber}: expected 15 fields (type truncated occluded alpha bbox[4] dimensions[3] location[3] rotation_y), found {fields.Length}");
        }

        return Parse(fields, 0, file, lineNumber);
    }

    /// <summary>
    /// One line of a KITTI tracking label file (<c>label_02/&lt;sequence&gt;.txt</c>): the frame number and the track id
    /// (-1 for DontCare), then an object label line as <see cref="Parse(string, string, int)"/> reads it.
    /// </summary>
    public static (int Frame, int TrackId, KittiLabel Label) ParseTracking(string line, string file, int lineNumber)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (17 or 18))
        {
            throw new ClipFormatException($"{file}:{lineNumber}: expected 17 fields (frame track_id type truncated occluded alpha bbox[4] dimensions[3] location[3] rotation_y), found {fields.Length}");
        }

        int Integer(int index, int min) =>
            int.TryParse(fields[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min
                ? value
                : throw new ClipFormatException($"{file}:{lineNumber}: field {index + 1} '{fields[index]}' is not an integer of at least {min.ToString(CultureInfo.InvariantCulture)}");

        return (Integer(0, 0), Integer(1, -1), Parse(fields, 2, file, lineNumber));
    }

    /// <param name="first">Where the object label's fields start; error messages count fields from the line's start.</param>
    private static KittiLabel Parse(string[] fields, int first, string file, int lineNumber)
    {
        float Number(int index) =>
            float.TryParse(fields[first + index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && float.IsFinite(value)
                ? value
                : throw new ClipFormatException($"{file}:{lineNumber}: field {first + index + 1} '{fields[first + index]}' is not a finite number");

        var (left, top, right, bottom) = (Number(4), Number(5), Number(6), Number(7));
        if (right < left || bottom < top)
        {
            throw new ClipFormatException(FormattableString.Invariant(
                $"{file}:{lineNumber}: bbox ({left}, {top}, {right}, {bottom}) has its {(right < left ? "right edge left of its left" : "bottom edge above its top")} edge; KITTI boxes are left, top, right, bottom"));
        }

        return new KittiLabel(fields[first], Number(1), (int)Number(2), left, top, right, bottom, Number(8), Number(9), Number(10), Number(11), Number(12), Number(13), Number(14));
    }
}
