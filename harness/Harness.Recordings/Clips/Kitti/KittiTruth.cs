namespace Harness.Clips.Kitti;

/// <summary>
/// KITTI labels as truth boxes, for both layouts (object and tracking). Label types resolve by name through the
/// scenario's <see cref="ClassMap"/>; <c>DontCare</c>, unless the scenario maps it, is an ignore region of every class,
/// as KITTI's evaluation treats it; a neighbour class the scenario does not name becomes an ignore region of its
/// neighbour, as KITTI's own evaluation does (Van for cars, Person_sitting for pedestrians). Any other label type the
/// scenario does not name is left out under <see cref="ClassEvaluation.Mapped"/> and an error otherwise.
/// </summary>
internal sealed class KittiTruth(ClassMap classes)
{
    private static readonly Dictionary<string, string> Neighbours = new(StringComparer.Ordinal)
    {
        ["Van"] = "car",
        ["Person_sitting"] = "pedestrian",
    };

    /// <summary>KITTI's label for regions that were not annotated: detections there count neither way.</summary>
    private const string DontCare = "DontCare";

    private readonly UnscoredLabels unscored = new(classes);

    public IReadOnlyDictionary<string, long> LeftOut => unscored.LeftOut;

    /// <summary>KITTI's occlusion levels as the fraction hidden, at the middle of each level's range.</summary>
    internal static float OcclusionFraction(int level) => level switch
    {
        0 => 0f,
        1 => 0.3f,
        2 => 0.7f,
        _ => 0.5f,
    };

    /// <summary>Whether a label type has a class, an ignore region or a neighbour class to stand for, or is left out.</summary>
    public bool Resolves(string type) =>
        classes.TryGetTruthClass(type, out _) ||
        (Neighbours.TryGetValue(type, out var neighbour) && classes.TryGetTruthClass(neighbour, out var classId) && classId >= 0) ||
        type == DontCare ||
        classes.LeavesOut(type);

    /// <summary>The unknown types of a whole clip in one message, naming <paramref name="where"/>.</summary>
    public ClipFormatException UnknownTypes(string where, IEnumerable<string> types) => new($"{where}: {classes.DescribeUnknown(types)}");

    /// <summary>The label's truth box, or null when the scenario leaves its type out (counted in <see cref="LeftOut"/>).</summary>
    /// <param name="trackId">The tracking layout's track id; -1 where the object layout has none.</param>
    public TruthBox? Box(KittiLabel label, int trackId, string path, int lineNumber)
    {
        var width = label.X2 - label.X1;
        var height = label.Y2 - label.Y1;
        bool neighbourOnly;
        if (classes.TryGetTruthClass(label.Type, out var classId))
        {
            neighbourOnly = false;
        }
        else if (Neighbours.TryGetValue(label.Type, out var neighbour) && classes.TryGetTruthClass(neighbour, out classId) && classId >= 0)
        {
            neighbourOnly = true;
        }
        else if (label.Type == DontCare)
        {
            (classId, neighbourOnly) = (ClassMap.IgnoreRegion, false);
        }
        else if (classes.LeavesOut(label.Type))
        {
            unscored.Add(label.Type);
            return null;
        }
        else
        {
            // The readers check every type before the first frame; only a file rewritten since gets here.
            throw new ClipFormatException($"{path}:{lineNumber}: {classes.DescribeUnknown([label.Type])}");
        }

        if (classId == ClassMap.IgnoreRegion)
        {
            return new TruthBox(ClassMap.IgnoreRegion, label.X1, label.Y1, width, height, Ignore: true);
        }

        var ego = new Box3D(label.Z, -label.X, -label.Y + (label.Height / 2), label.Length, label.Width, label.Height, -label.RotationY);
        return new TruthBox(
            classId,
            label.X1,
            label.Y1,
            width,
            height,
            TrackId: trackId,
            Occlusion: OcclusionFraction(label.OcclusionLevel),
            RangeMeters: MathF.Sqrt((label.X * label.X) + (label.Z * label.Z)),
            Ignore: neighbourOnly,
            Box3D: ego);
    }

    /// <summary>A velodyne scan (<c>.bin</c> of float32 x, y, z, reflectance), or null where the clip has none for the frame.</summary>
    public static LidarScan? ReadLidar(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 16 != 0)
        {
            throw new ClipFormatException($"{path}: {bytes.Length} bytes is not a whole number of (x, y, z, reflectance) float32 points");
        }

        var points = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, points, 0, bytes.Length);
        return new LidarScan(points);
    }
}
