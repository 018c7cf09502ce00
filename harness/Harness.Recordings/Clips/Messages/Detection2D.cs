namespace Harness.Clips.Messages;

/// <summary>
/// One vision_msgs/msg/Detection2D: its class hypotheses and an axis-aligned box given by its centre and full size in
/// pixels (<see cref="Theta"/> is the box's rotation, 0 for the axis-aligned boxes truth uses). <see cref="Id"/> is the
/// tracking id, empty when untracked.
/// </summary>
internal sealed record Detection2D(IReadOnlyList<ObjectHypothesis> Results, double CenterX, double CenterY, double Theta, double SizeX, double SizeY, string Id);
