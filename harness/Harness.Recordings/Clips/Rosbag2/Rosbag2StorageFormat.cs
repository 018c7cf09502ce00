namespace Harness.Clips.Rosbag2;

/// <summary>The two storage plugins of rosbag2, by the storage_identifier metadata.yaml names them with.</summary>
public enum Rosbag2StorageFormat
{
    Sqlite3,
    Mcap,
}
