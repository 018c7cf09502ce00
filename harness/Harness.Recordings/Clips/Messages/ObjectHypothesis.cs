namespace Harness.Clips.Messages;

/// <summary>vision_msgs/msg/ObjectHypothesis: a class name and its score.</summary>
internal readonly record struct ObjectHypothesis(string ClassId, double Score);
