namespace Harness.Metrics.Tide;

/// <summary>
/// TIDE's numbers for one class, or pooled: the AP at IoU 0.5, and per error type (indexed by <see cref="TideError"/>)
/// the AP its oracle adds (dAP, as a fraction like <c>coco/AP50</c>, not in TIDE's points) and how many boxes have it.
/// Pooled, the APs are means over the classes with truth and the counts sums over every class.
/// </summary>
internal sealed record TideBreakdown(double Ap, IReadOnlyList<double> Lost, IReadOnlyList<int> Counts)
{
    public double LostTo(TideError error) => Lost[(int)error];

    public int CountOf(TideError error) => Counts[(int)error];
}
