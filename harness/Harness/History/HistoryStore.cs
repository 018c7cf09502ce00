using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Harness.History;

/// <summary>
/// Every run's metrics in a SQLite file, so the nightly job can show a trend rather than a single comparison.
/// Append-only; one transaction per run so a killed run leaves either all of its rows or none.
/// </summary>
internal sealed class HistoryStore
{
    private readonly string connectionString;

    public HistoryStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString();
    }

    public string Path { get; }

    public void Append(IEnumerable<MetricPoint> points)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO metrics (scenario, metric, value, git_commit, recorded_at, run, baseline) VALUES ($scenario, $metric, $value, $commit, $at, $run, $baseline)";
        var scenario = insert.Parameters.Add("$scenario", SqliteType.Text);
        var metric = insert.Parameters.Add("$metric", SqliteType.Text);
        var value = insert.Parameters.Add("$value", SqliteType.Real);
        var commit = insert.Parameters.Add("$commit", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var run = insert.Parameters.Add("$run", SqliteType.Text);
        var baseline = insert.Parameters.Add("$baseline", SqliteType.Real);
        foreach (var point in points)
        {
            scenario.Value = point.ScenarioId;
            metric.Value = point.Metric;
            value.Value = point.Value;
            commit.Value = point.Commit;
            at.Value = point.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            run.Value = point.Run;
            baseline.Value = point.Baseline is { } before ? before : DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The recorded values of one metric, oldest first; empty when the store does not exist yet.</summary>
    public IReadOnlyList<MetricPoint> Trend(string scenarioId, string metricName)
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT value, git_commit, recorded_at, run, baseline FROM metrics WHERE scenario = $scenario AND metric = $metric ORDER BY recorded_at, id";
        query.Parameters.AddWithValue("$scenario", scenarioId);
        query.Parameters.AddWithValue("$metric", metricName);
        using var reader = query.ExecuteReader();
        var points = new List<MetricPoint>();
        while (reader.Read())
        {
            points.Add(new MetricPoint(
                scenarioId,
                metricName,
                reader.GetDouble(0),
                reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4)));
        }

        return points;
    }

    /// <summary>The last <paramref name="runs"/> recorded values of each of <paramref name="metrics"/>, oldest first, for a report's trend plots.</summary>
    public IReadOnlyList<MetricPoint> Recent(string scenarioId, IEnumerable<string> metrics, int runs) =>
        [.. metrics.SelectMany(metric => Trend(scenarioId, metric).TakeLast(runs))];

    /// <summary>Each scenario's most recent value of one series; empty when the store does not exist yet.</summary>
    public IReadOnlyDictionary<string, double> Latest(string metricName)
    {
        var latest = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(Path))
        {
            return latest;
        }

        using var connection = Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT scenario, value FROM metrics WHERE metric = $metric ORDER BY recorded_at, id";
        query.Parameters.AddWithValue("$metric", metricName);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            latest[reader.GetString(0)] = reader.GetDouble(1);
        }

        return latest;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var schema = connection.CreateCommand();
        schema.CommandText = """
            CREATE TABLE IF NOT EXISTS metrics (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                scenario TEXT NOT NULL,
                metric TEXT NOT NULL,
                value REAL NOT NULL,
                git_commit TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                run TEXT NOT NULL,
                baseline REAL);
            CREATE INDEX IF NOT EXISTS metrics_by_series ON metrics (scenario, metric, recorded_at);
            """;
        schema.ExecuteNonQuery();

        // A store written before baselines were kept gains the column; its old rows read as "no baseline recorded".
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('metrics') WHERE name = 'baseline'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var add = connection.CreateCommand();
            add.CommandText = "ALTER TABLE metrics ADD COLUMN baseline REAL";
            add.ExecuteNonQuery();
        }

        return connection;
    }
}
