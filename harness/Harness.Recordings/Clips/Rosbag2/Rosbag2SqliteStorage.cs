using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// A rosbag2 SQLite file (<c>.db3</c>): table <c>topics</c> (id, name, type, serialization_format, ...) and table
/// <c>messages</c> (id, topic_id, timestamp, data) with CDR blobs; newer versions add <c>schema</c>,
/// <c>metadata</c> and <c>message_definitions</c>, which a reader does not need. Messages stream row by row in
/// (timestamp, id) order, the order of rosbag2's own <c>timestamp_idx</c>, so memory stays at one message.
/// </summary>
internal sealed class Rosbag2SqliteStorage : IRosbag2Storage
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<long, Rosbag2Topic> _topicsById = [];

    private Rosbag2SqliteStorage(string path)
    {
        FileName = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
    }

    public string FileName { get; }

    public IReadOnlyList<Rosbag2Topic> Topics => [.. _topicsById.Values];

    public static bool HasMagic(ReadOnlySpan<byte> start) => start.StartsWith(Magic);

    public static Rosbag2SqliteStorage Open(string path)
    {
        ThrowIfNotSqlite(path);
        var storage = new Rosbag2SqliteStorage(path);
        try
        {
            storage.Guard(() =>
            {
                storage._connection.Open();
                using var query = storage._connection.CreateCommand();
                query.CommandText = "SELECT id, name, type, serialization_format FROM topics ORDER BY id";
                using var rows = query.ExecuteReader();
                while (rows.Read())
                {
                    storage._topicsById[rows.GetInt64(0)] = new Rosbag2Topic(rows.GetString(1), rows.GetString(2), rows.GetString(3));
                }
            });
            return storage;
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public IEnumerable<Rosbag2Message> ReadMessages(IReadOnlySet<string> topics, CancellationToken cancellationToken)
    {
        var ids = _topicsById.Where(pair => topics.Contains(pair.Value.Name)).Select(pair => pair.Key.ToString(CultureInfo.InvariantCulture)).ToList();
        if (ids.Count == 0)
        {
            yield break;
        }

        using var query = _connection.CreateCommand();
        query.CommandText = MessagesQuery(ids);
        using var rows = Guard(query.ExecuteReader);
        while (Guard(rows.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Guard(() => new Rosbag2Message(_topicsById[rows.GetInt64(0)], rows.GetInt64(1), rows.GetFieldValue<byte[]>(2)));
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// (timestamp, id) is the order of timestamp_idx (an index holds the rowid, and id is the rowid), so SQLite walks
    /// the index instead of sorting every matching blob first: that is what keeps the read streaming.
    /// </summary>
    internal static string MessagesQuery(IEnumerable<string> topicIds) =>
        $"SELECT topic_id, timestamp, data FROM messages WHERE topic_id IN ({string.Join(", ", topicIds)}) ORDER BY timestamp, id";

    private static void ThrowIfNotSqlite(string path)
    {
        Span<byte> start = stackalloc byte[16];
        using var file = File.OpenRead(path);
        if (file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) < start.Length || !HasMagic(start))
        {
            throw new ClipFormatException($"{path}: not an SQLite database (the file does not start with the SQLite header)");
        }
    }

    private void Guard(Action action) => Guard(() =>
    {
        action();
        return true;
    });

    /// <summary>A damaged file surfaces as SqliteException from any call; the gate wants it as a clip error naming the file.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is SqliteException or InvalidCastException or KeyNotFoundException)
        {
            throw new ClipFormatException($"{FileName}: not a readable rosbag2 SQLite bag ({e.Message})", e);
        }
    }
}
