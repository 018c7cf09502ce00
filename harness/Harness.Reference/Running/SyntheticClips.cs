using Harness.Clips.Mcap;
using Harness.Clips.Rosbag2;
using Harness.Clips.Synthetic;
using Harness.IO;

namespace Harness.Running;

/// <summary>Generates a synthetic clip into the cache exactly as a scenario run does, so its hash can be pinned.</summary>
public static class SyntheticClips
{
    /// <summary>Writes (or finds) the clip for <paramref name="uri"/> under <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="FormatException">The URI is not a valid <c>synthetic://</c> source; the message quotes it.</exception>
    public static (string Path, string Sha256) Generate(string uri, string cacheDirectory)
    {
        var path = SyntheticClipGenerator.Generate(SyntheticSceneOptions.Parse(uri), cacheDirectory);
        return (path, ContentHash.OfFile(path));
    }

    /// <summary>
    /// The same clip as a ROS 2 bag directory (camera as sensor_msgs/msg/Image, truth as
    /// vision_msgs/msg/Detection2DArray on the synthetic topics), for trying a bag scenario without a robot. Lidar
    /// is left out: bag clips carry none.
    /// </summary>
    /// <exception cref="FormatException">The URI is not a valid <c>synthetic://</c> source; the message quotes it.</exception>
    /// <exception cref="IOException"><paramref name="bagDirectory"/> exists and is not empty.</exception>
    public static (string Path, string Sha256) GenerateBag(string uri, string cacheDirectory, string bagDirectory, Rosbag2StorageFormat format)
    {
        var (mcap, _) = Generate(uri, cacheDirectory);
        if (Directory.Exists(bagDirectory) && Directory.EnumerateFileSystemEntries(bagDirectory).Any())
        {
            throw new IOException($"'{bagDirectory}' already exists and is not empty (a bag is written into a new directory, as ros2 bag record does)");
        }

        using (var reader = new McapClipReader(mcap, SyntheticClipGenerator.CameraTopic, SyntheticClipGenerator.TruthTopic, ClassMap.Identity(SyntheticScene.ClassNames)))
        using (var writer = new Rosbag2ClipWriter(bagDirectory, format, SyntheticClipGenerator.CameraTopic, SyntheticClipGenerator.TruthTopic, reader.Classes.EvaluationClasses))
        {
            foreach (var frame in reader.ReadFrames())
            {
                writer.WriteFrame(frame.TimestampNs, frame.Image, frame.Truth);
            }
        }

        return (bagDirectory, ContentHash.OfDirectory(bagDirectory));
    }
}
