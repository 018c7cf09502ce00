namespace Harness.Clips.Messages;

/// <summary>
/// vision_msgs/msg/Detection2DArray (vision_msgs 4.x, ROS 2 Humble and later) in little-endian CDR. Field order, as
/// the message definitions on docs.ros.org give it:
/// <code>
/// Detection2DArray:         std_msgs/Header header; Detection2D[] detections
/// Detection2D:              std_msgs/Header header; ObjectHypothesisWithPose[] results; BoundingBox2D bbox; string id
/// ObjectHypothesisWithPose: ObjectHypothesis hypothesis; geometry_msgs/PoseWithCovariance pose
/// ObjectHypothesis:         string class_id; float64 score
/// PoseWithCovariance:       Pose pose (Point position: float64 x, y, z; Quaternion orientation: float64 x, y, z, w);
///                           float64[36] covariance
/// BoundingBox2D:            vision_msgs/Pose2D center; float64 size_x; float64 size_y
/// Pose2D:                   Point2D position (float64 x, y); float64 theta
/// </code>
/// So the box is its centre plus full width (size_x) and height (size_y), in pixels. vision_msgs 3.x had
/// geometry_msgs/Pose2D (x, y, theta) as the centre, which is the same three float64s on the wire. Each hypothesis
/// pose is 43 float64s that truth does not use: read past, written as the identity pose with zero covariance.
/// </summary>
internal sealed record Detection2DArrayMessage(Ros2Header Header, IReadOnlyList<Detection2D> Detections)
{
    public const string SchemaName = "vision_msgs/msg/Detection2DArray";

    private const int PoseDoubles = 3 + 4 + 36;

    public static string SchemaText { get; } = Ros2Schema.Text(
        "std_msgs/Header header\nvision_msgs/Detection2D[] detections\n",
        ("std_msgs/Header", Ros2Header.Definition),
        ("builtin_interfaces/Time", Ros2Header.TimeDefinition),
        ("vision_msgs/Detection2D", "std_msgs/Header header\nvision_msgs/ObjectHypothesisWithPose[] results\nvision_msgs/BoundingBox2D bbox\nstring id\n"),
        ("vision_msgs/ObjectHypothesisWithPose", "vision_msgs/ObjectHypothesis hypothesis\ngeometry_msgs/PoseWithCovariance pose\n"),
        ("vision_msgs/ObjectHypothesis", "string class_id\nfloat64 score\n"),
        ("geometry_msgs/PoseWithCovariance", "geometry_msgs/Pose pose\nfloat64[36] covariance\n"),
        ("geometry_msgs/Pose", "geometry_msgs/Point position\ngeometry_msgs/Quaternion orientation\n"),
        ("geometry_msgs/Point", "float64 x\nfloat64 y\nfloat64 z\n"),
        ("geometry_msgs/Quaternion", "float64 x 0\nfloat64 y 0\nfloat64 z 0\nfloat64 w 1\n"),
        ("vision_msgs/BoundingBox2D", "vision_msgs/Pose2D center\nfloat64 size_x\nfloat64 size_y\n"),
        ("vision_msgs/Pose2D", "vision_msgs/Point2D position\nfloat64 theta\n"),
        ("vision_msgs/Point2D", "float64 x\nfloat64 y\n"));

    public byte[] Encode()
    {
        var writer = new CdrWriter(64 + (Detections.Count * 512));
        Header.Write(writer);
        writer.U32((uint)Detections.Count);
        foreach (var detection in Detections)
        {
            Header.Write(writer);
            writer.U32((uint)detection.Results.Count);
            foreach (var result in detection.Results)
            {
                writer.String(result.ClassId);
                writer.F64(result.Score);
                for (var i = 0; i < PoseDoubles; i++)
                {
                    writer.F64(i == 6 ? 1 : 0);
                }
            }

            writer.F64(detection.CenterX);
            writer.F64(detection.CenterY);
            writer.F64(detection.Theta);
            writer.F64(detection.SizeX);
            writer.F64(detection.SizeY);
            writer.String(detection.Id);
        }

        return writer.ToArray();
    }

    public static Detection2DArrayMessage Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new CdrReader(payload, SchemaName);
        var header = Ros2Header.Read(ref reader);
        var count = reader.SequenceLength(4);
        var detections = new List<Detection2D>(count);
        for (var d = 0; d < count; d++)
        {
            Ros2Header.Read(ref reader);
            var resultCount = reader.SequenceLength(4);
            var results = new List<ObjectHypothesis>(resultCount);
            for (var r = 0; r < resultCount; r++)
            {
                var classId = reader.String();
                var score = reader.F64();
                for (var i = 0; i < PoseDoubles; i++)
                {
                    reader.F64();
                }

                results.Add(new ObjectHypothesis(classId, score));
            }

            var (x, y, theta) = (reader.F64(), reader.F64(), reader.F64());
            var (width, height) = (reader.F64(), reader.F64());
            detections.Add(new Detection2D(results, x, y, theta, width, height, reader.String()));
        }

        return new Detection2DArrayMessage(header, detections);
    }
}
