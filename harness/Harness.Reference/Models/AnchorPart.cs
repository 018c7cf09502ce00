namespace Harness.Models;

/// <summary>What of its object an anchor's template looks for.</summary>
internal enum AnchorPart
{
    /// <summary>The whole object; the box is regressed from the spread of its class colour.</summary>
    Whole,

    /// <summary>
    /// The upper part of an object whose lower part something nearer hides (a pedestrian or cyclist behind a car): the
    /// truth box is amodal, so the box is extended from the visible top to the class's full height
    /// (<see cref="OccludedTopPart"/>).
    /// </summary>
    VisibleTop,
}
