namespace Harness.Metrics;

/// <summary>Errors of one frame at IoU 0.5: detections that matched nothing and truth boxes nothing matched.</summary>
internal readonly record struct FrameErrors(int FalsePositives, int Misses)
{
    public int Total => FalsePositives + Misses;
}
