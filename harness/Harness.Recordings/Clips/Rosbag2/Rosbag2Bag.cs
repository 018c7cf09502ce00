namespace Harness.Clips.Rosbag2;

/// <summary>
/// A rosbag2 bag named by its directory (the one holding metadata.yaml, whose relative_file_paths list the files in
/// recording order) or by one of its .db3 / .mcap files. The storage plugin follows each file's first bytes (SQLite
/// header or MCAP magic), so a renamed file still opens. Messages stream file after file in receive-time order.
/// </summary>
internal sealed class Rosbag2Bag : IDisposable
{
    private readonly List<IRosbag2Storage> _files;

    private Rosbag2Bag(string path, Rosbag2Metadata? metadata, List<IRosbag2Storage> files)
    {
        Path = path;
        Metadata = metadata;
        _files = files;
    }

    /// <summary>What the bag was opened by: its directory or its single file.</summary>
    public string Path { get; }

    /// <summary>The bag's metadata.yaml; null when the bag was named by a file with none beside it.</summary>
    public Rosbag2Metadata? Metadata { get; }

    /// <summary>Every topic of every file, first declaration wins, in file and declaration order.</summary>
    public IReadOnlyList<Rosbag2Topic> Topics =>
        [.. _files.SelectMany(file => file.Topics).DistinctBy(topic => topic.Name, StringComparer.Ordinal)];

    public static Rosbag2Bag Open(string path)
    {
        if (Directory.Exists(path))
        {
            var metadataPath = System.IO.Path.Combine(path, Rosbag2Metadata.FileName);
            if (!File.Exists(metadataPath))
            {
                throw new ClipFormatException($"{path}: not a rosbag2 bag directory (no {Rosbag2Metadata.FileName})");
            }

            var metadata = Rosbag2Metadata.Read(metadataPath);
            if (metadata.CompressionFormat.Length > 0)
            {
                throw new ClipFormatException($"{metadataPath}: compressed bags ({metadata.CompressionFormat}) are not supported; decompress with `ros2 bag convert` first");
            }

            if (metadata.RelativeFilePaths.Count == 0)
            {
                throw new ClipFormatException($"{metadataPath}: relative_file_paths lists no files");
            }

            return new Rosbag2Bag(path, metadata, OpenAll(metadata.RelativeFilePaths.Select(file => System.IO.Path.Combine(path, file))));
        }

        var beside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!, Rosbag2Metadata.FileName);
        return new Rosbag2Bag(path, File.Exists(beside) ? Rosbag2Metadata.Read(beside) : null, OpenAll([path]));
    }

    public IEnumerable<Rosbag2Message> ReadMessages(IReadOnlySet<string> topics, CancellationToken cancellationToken = default) =>
        _files.SelectMany(file => file.ReadMessages(topics, cancellationToken));

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    /// <summary>Opens one storage file by its first bytes (SQLite header or MCAP magic), not by its extension.</summary>
    internal static IRosbag2Storage OpenStorage(string path)
    {
        if (!File.Exists(path))
        {
            throw new ClipFormatException($"{path}: bag file does not exist");
        }

        Span<byte> start = stackalloc byte[16];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }

        return Rosbag2SqliteStorage.HasMagic(start[..read]) ? Rosbag2SqliteStorage.Open(path)
            : start[..read].StartsWith(Mcap.McapMagic.Bytes) ? Rosbag2McapStorage.Open(path)
            : throw new ClipFormatException($"{path}: neither an SQLite (.db3) nor an MCAP (.mcap) bag file");
    }

    private static List<IRosbag2Storage> OpenAll(IEnumerable<string> paths)
    {
        var opened = new List<IRosbag2Storage>();
        try
        {
            foreach (var path in paths)
            {
                opened.Add(OpenStorage(path));
            }

            return opened;
        }
        catch
        {
            foreach (var file in opened)
            {
                file.Dispose();
            }

            throw;
        }
    }
}
