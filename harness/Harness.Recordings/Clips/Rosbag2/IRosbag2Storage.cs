namespace Harness.Clips.Rosbag2;

/// <summary>One file of a bag, read in receive-time order; only the topics asked for are decoded from storage.</summary>
internal interface IRosbag2Storage : IDisposable
{
    string FileName { get; }

    /// <summary>The topics the file declares; empty when an MCAP file has no summary to list them up front.</summary>
    IReadOnlyList<Rosbag2Topic> Topics { get; }

    IEnumerable<Rosbag2Message> ReadMessages(IReadOnlySet<string> topics, CancellationToken cancellationToken);
}
