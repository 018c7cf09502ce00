using Microsoft.Data.Sqlite;

namespace Harness.Clips.Rosbag2;

/// <summary>
/// Writes the tables rosbag2's sqlite3 plugin creates (schema version 4, as in ROS 2 Jazzy): schema, metadata,
/// topics, message_definitions and messages with its timestamp index. One transaction for the whole bag, so a
/// failed write leaves no half bag.
/// </summary>
internal sealed class Rosbag2SqliteStorageWriter : IRosbag2StorageWriter
{
    private const string CreateTables =
        "CREATE TABLE schema(schema_version INTEGER PRIMARY KEY,ros_distro TEXT NOT NULL);" +
        "CREATE TABLE metadata(id INTEGER PRIMARY KEY,metadata_version INTEGER NOT NULL,metadata TEXT NOT NULL);" +
        "CREATE TABLE topics(id INTEGER PRIMARY KEY,name TEXT NOT NULL,type TEXT NOT NULL,serialization_format TEXT NOT NULL,offered_qos_profiles TEXT NOT NULL,type_description_hash TEXT NOT NULL);" +
        "CREATE TABLE message_definitions(id INTEGER PRIMARY KEY,topic_type TEXT NOT NULL,encoding TEXT NOT NULL,encoded_message_definition TEXT NOT NULL,type_description_hash TEXT NOT NULL);" +
        "CREATE TABLE messages(id INTEGER PRIMARY KEY,topic_id INTEGER NOT NULL,timestamp INTEGER NOT NULL, data BLOB NOT NULL);" +
        "CREATE INDEX timestamp_idx ON messages (timestamp ASC);" +
        "INSERT INTO schema(schema_version, ros_distro) VALUES (4, 'jazzy');";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter _topicId;
    private readonly SqliteParameter _timestamp;
    private readonly SqliteParameter _data;

    public Rosbag2SqliteStorageWriter(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _connection.Open();
        _transaction = _connection.BeginTransaction();
        Execute(CreateTables);
        _insert = _connection.CreateCommand();
        _insert.Transaction = _transaction;
        _insert.CommandText = "INSERT INTO messages (topic_id, timestamp, data) VALUES ($topic, $timestamp, $data)";
        _topicId = _insert.Parameters.Add("$topic", SqliteType.Integer);
        _timestamp = _insert.Parameters.Add("$timestamp", SqliteType.Integer);
        _data = _insert.Parameters.Add("$data", SqliteType.Blob);
    }

    public void AddTopic(int id, Rosbag2Topic topic, string schemaText)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText =
            "INSERT INTO topics (id, name, type, serialization_format, offered_qos_profiles, type_description_hash) VALUES ($id, $name, $type, $format, '', '');" +
            "INSERT INTO message_definitions (topic_type, encoding, encoded_message_definition, type_description_hash) VALUES ($type, 'ros2msg', $definition, '')";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$name", topic.Name);
        command.Parameters.AddWithValue("$type", topic.Type);
        command.Parameters.AddWithValue("$format", topic.SerializationFormat);
        command.Parameters.AddWithValue("$definition", schemaText);
        command.ExecuteNonQuery();
    }

    public void Write(int topicId, long timestampNs, ReadOnlySpan<byte> data)
    {
        _topicId.Value = topicId;
        _timestamp.Value = timestampNs;
        _data.Value = data.ToArray();
        _insert.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _transaction.Commit();
        _insert.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
