namespace Harness.Metrics.Bootstrap;

/// <summary>
/// The independent units of a clip and which unit every box belongs to, for both runs of a comparison. Units
/// [0, <see cref="Frames"/>) are the frames, drawn in circular blocks of <see cref="BlockLength"/>; units
/// [<see cref="Frames"/>, <see cref="Count"/>) are object tracks, drawn independently with replacement: the two
/// strata are resampled separately (a stratified bootstrap, Davison and Hinkley, "Bootstrap Methods and their
/// Application", 1997, section 3.2), so every resample keeps the clip's number of frames and of tracks.
/// </summary>
/// <remarks>
/// <para>
/// A truth box belongs to its track when the clip has tracks (a track id seen in more than one frame) and the box has
/// a track id; otherwise to its frame. A detection belongs to the truth it matches where a metric matches it (the
/// scorers look that up themselves), else to the tracked truth it overlaps most at IoU &gt;= 0.1 (TIDE's background
/// threshold, Bolya et al. 2020: below it a detection is about no object), else to its frame. So a lost pedestrian,
/// the box that found it and the duplicate beside it are resampled together, and a false positive on empty road is
/// resampled with the frames around it, as are frames without objects.
/// </para>
/// <para>
/// The frame stratum's block length is <see cref="BootstrapOptions.BlockSeconds"/> when set, else chosen from the
/// data (<see cref="BlockLengthSelector"/>) on the per-frame count of boxes that belong to frames, over both runs.
/// </para>
/// </remarks>
internal sealed class ResamplingUnits
{
    /// <summary>TIDE's background IoU: a detection overlapping a truth less than this is about no object.</summary>
    public const double AttributionIou = 0.1;

    private readonly int[] _truthStarts;
    private readonly int[] _truthUnits;
    private readonly (int Frame, int Track)[] _cells;

    private ResamplingUnits(int frames, int tracks, int blockLength, int[] truthStarts, int[] truthUnits, (int Frame, int Track)[] cells)
    {
        Frames = frames;
        Tracks = tracks;
        BlockLength = blockLength;
        _truthStarts = truthStarts;
        _truthUnits = truthUnits;
        _cells = cells;
    }

    public int Frames { get; }

    public int Tracks { get; }

    /// <summary>Whether tracked boxes are weighed by their track and their frame (<see cref="ResamplingUnit.TracksAndFrames"/>).</summary>
    public bool Crossed => _cells.Length > 0;

    /// <summary>Frames, then either the tracks or, crossed, one (frame, track) cell per tracked box's frame and track.</summary>
    public int Count => Frames + (Crossed ? _cells.Length : Tracks);

    /// <summary>The frame and track of unit <paramref name="unit"/>, a crossed cell at or after <see cref="Frames"/>.</summary>
    public (int Frame, int Track) Cell(int unit) => _cells[unit - Frames];

    /// <summary>Frames per circular block of the frame stratum, in [1, frames] (0 for an empty clip).</summary>
    public int BlockLength { get; }

    /// <summary>Tracks, plus the frame stratum's whole blocks: how many independent draws a resample is made of.</summary>
    public int Independent => Tracks + (BlockLength > 0 ? Frames / BlockLength : 0);

    /// <summary>What a resample draws, for the reports: <c>83 tracks crossed with 300 frames in circular blocks of 4</c>.</summary>
    public string Describe()
    {
        var frames = $"{Frames} frames in circular blocks of {BlockLength}";
        return Tracks == 0 ? frames : Crossed ? $"{Tracks} tracks crossed with {frames}" : $"{Tracks} tracks, and {frames}";
    }

    /// <summary>The unit of truth box <paramref name="truth"/> of frame <paramref name="frame"/>.</summary>
    public int TruthUnit(int frame, int truth) => _truthUnits[_truthStarts[frame] + truth];

    /// <summary>
    /// Units for <paramref name="truth"/>; <paramref name="runs"/> are the detections of every run that will be scored
    /// with them (both runs of a comparison), which the data-driven block length reads.
    /// </summary>
    public static ResamplingUnits Create(IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<long> timestampsNs,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<Detection>>> runs, BootstrapOptions options)
    {
        var frames = truth.Count;
        var truthStarts = new int[frames + 1];
        for (var f = 0; f < frames; f++)
        {
            truthStarts[f + 1] = truthStarts[f] + truth[f].Count;
        }

        var truthUnits = new int[truthStarts[frames]];
        var tracks = options.Units != ResamplingUnit.Frames && HasTracks(truth) ? AssignTracks(truth, truthStarts, truthUnits) : 0;
        if (tracks == 0)
        {
            for (var f = 0; f < frames; f++)
            {
                truthUnits.AsSpan(truthStarts[f], truth[f].Count).Fill(f);
            }
        }

        var cells = options.Units == ResamplingUnit.TracksAndFrames && tracks > 0 ? Cross(truthStarts, truthUnits, frames) : [];
        var units = new ResamplingUnits(frames, tracks, 0, truthStarts, truthUnits, cells);
        var blockLength = frames == 0 ? 0
            : options.BlockSeconds is { } seconds ? CircularBlockResampler.BlockLength(timestampsNs, seconds)
            : BlockLengthSelector.Select(units.FrameLoad(truth, runs));
        return new ResamplingUnits(frames, tracks, blockLength, truthStarts, truthUnits, cells);
    }

    /// <summary>Renumbers every tracked truth's unit as its (frame, track) cell, cells in order of first appearance.</summary>
    private static (int Frame, int Track)[] Cross(int[] truthStarts, int[] truthUnits, int frames)
    {
        var index = new Dictionary<(int, int), int>();
        for (var f = 0; f < frames; f++)
        {
            for (var i = truthStarts[f]; i < truthStarts[f + 1]; i++)
            {
                if (truthUnits[i] < frames)
                {
                    continue;
                }

                var key = (f, truthUnits[i] - frames);
                if (!index.TryGetValue(key, out var cell))
                {
                    cell = index.Count;
                    index[key] = cell;
                }

                truthUnits[i] = frames + cell;
            }
        }

        var cells = new (int Frame, int Track)[index.Count];
        foreach (var (key, cell) in index)
        {
            cells[cell] = key;
        }

        return cells;
    }

    /// <summary>
    /// The unit of each detection of frame <paramref name="frame"/> that no metric matched: the tracked truth it
    /// overlaps most at IoU &gt;= <see cref="AttributionIou"/> (ties: the first), else the frame.
    /// </summary>
    public int DetectionUnit(int frame, in Detection detection, IReadOnlyList<TruthBox> truth)
    {
        if (Tracks == 0)
        {
            return frame;
        }

        var best = -1;
        var bestIou = AttributionIou;
        for (var t = 0; t < truth.Count; t++)
        {
            var unit = TruthUnit(frame, t);
            if (unit < Frames)
            {
                continue;
            }

            var iou = PixelOverlap.Iou(detection, truth[t]);
            if (iou >= bestIou && (best < 0 || iou > bestIou))
            {
                best = unit;
                bestIou = iou;
            }
        }

        return best >= 0 ? best : frame;
    }

    /// <summary>A track id seen in two frames: annotation ids that merely number boxes (COCO's) are not tracks.</summary>
    private static bool HasTracks(IReadOnlyList<IReadOnlyList<TruthBox>> truth)
    {
        var firstFrame = new Dictionary<int, int>();
        for (var f = 0; f < truth.Count; f++)
        {
            foreach (var box in truth[f])
            {
                if (box.TrackId >= 0 && !firstFrame.TryAdd(box.TrackId, f) && firstFrame[box.TrackId] != f)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Track units in order of first appearance; boxes without a track id stay with their frame.</summary>
    private static int AssignTracks(IReadOnlyList<IReadOnlyList<TruthBox>> truth, int[] truthStarts, int[] truthUnits)
    {
        var frames = truth.Count;
        var index = new Dictionary<int, int>();
        for (var f = 0; f < frames; f++)
        {
            for (var t = 0; t < truth[f].Count; t++)
            {
                var id = truth[f][t].TrackId;
                if (id < 0)
                {
                    truthUnits[truthStarts[f] + t] = f;
                    continue;
                }

                if (!index.TryGetValue(id, out var track))
                {
                    track = index.Count;
                    index[id] = track;
                }

                truthUnits[truthStarts[f] + t] = frames + track;
            }
        }

        return index.Count;
    }

    /// <summary>Per frame, the truth boxes and the detections of every run that belong to the frame itself.</summary>
    private double[] FrameLoad(IReadOnlyList<IReadOnlyList<TruthBox>> truth, IReadOnlyList<IReadOnlyList<IReadOnlyList<Detection>>> runs)
    {
        var load = new double[Frames];
        for (var f = 0; f < Frames; f++)
        {
            for (var t = 0; t < truth[f].Count; t++)
            {
                load[f] += TruthUnit(f, t) == f ? runs.Count : 0;
            }

            foreach (var run in runs)
            {
                var detections = run[f];
                for (var d = 0; d < detections.Count; d++)
                {
                    load[f] += DetectionUnit(f, detections[d], truth[f]) == f ? 1 : 0;
                }
            }
        }

        return load;
    }
}
