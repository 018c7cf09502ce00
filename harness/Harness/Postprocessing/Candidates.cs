namespace Harness.Postprocessing;

/// <summary>
/// Boxes that passed the score threshold, as parallel arrays so NMS can load them as vectors. Every decoder adds
/// through here, so this is where a box with a NaN or infinite corner or score is dropped: such a box has no place
/// in the image, would compare false against every IoU threshold in NMS, and would make the metrics NaN.
/// </summary>
internal sealed class Candidates
{
    public float[] X1 { get; private set; } = [];

    public float[] Y1 { get; private set; } = [];

    public float[] X2 { get; private set; } = [];

    public float[] Y2 { get; private set; } = [];

    public float[] Score { get; private set; } = [];

    public int[] Class { get; private set; } = [];

    public int Count { get; private set; }

    /// <summary>Empties the set and makes room for <paramref name="capacity"/> boxes, reallocating only to grow.</summary>
    public void Reset(int capacity)
    {
        Count = 0;
        if (X1.Length >= capacity)
        {
            return;
        }

        X1 = new float[capacity];
        Y1 = new float[capacity];
        X2 = new float[capacity];
        Y2 = new float[capacity];
        Score = new float[capacity];
        Class = new int[capacity];
    }

    /// <summary>Whether a decoded box is usable: corners and score all finite (after the centre form's arithmetic).</summary>
    public static bool IsFinite(float x1, float y1, float x2, float y2, float score) =>
        float.IsFinite(x1) && float.IsFinite(y1) && float.IsFinite(x2) && float.IsFinite(y2) && float.IsFinite(score);

    /// <summary>Appends the box, or drops it when it is not <see cref="IsFinite"/>.</summary>
    public void Add(float x1, float y1, float x2, float y2, float score, int classId)
    {
        if (!IsFinite(x1, y1, x2, y2, score))
        {
            return;
        }

        var i = Count++;
        X1[i] = x1;
        Y1[i] = y1;
        X2[i] = x2;
        Y2[i] = y2;
        Score[i] = score;
        Class[i] = classId;
    }

    public void AddCentre(float cx, float cy, float w, float h, float score, int classId) =>
        Add(cx - (w * 0.5f), cy - (h * 0.5f), cx + (w * 0.5f), cy + (h * 0.5f), score, classId);

    /// <summary>Copies candidate <paramref name="from"/> of <paramref name="source"/> to the end of this set.</summary>
    public void AddFrom(Candidates source, int from) =>
        Add(source.X1[from], source.Y1[from], source.X2[from], source.Y2[from], source.Score[from], source.Class[from]);
}
