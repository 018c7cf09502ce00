using Harness.History;
using Harness.TestKit;

namespace Harness.Tests.History;

public sealed class HistoryStoreTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("history-");

    [Fact]
    public void Trend_returns_appended_values_of_one_series_oldest_first()
    {
        var store = new HistoryStore(temp.Combine("nested", "metrics.sqlite"));
        var monday = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        store.Append([
            new MetricPoint("urban-day", "coco/AP", 0.41, "bbb", monday.AddDays(1), "nightly"),
            new MetricPoint("urban-day", "coco/AR100", 0.6, "bbb", monday.AddDays(1), "nightly"),
        ]);
        store.Append([new MetricPoint("urban-day", "coco/AP", 0.40, "aaa", monday, "nightly")]);

        var trend = store.Trend("urban-day", "coco/AP");

        Assert.Equal([0.40, 0.41], trend.Select(p => p.Value));
        Assert.Equal(["aaa", "bbb"], trend.Select(p => p.Commit));
        Assert.Equal(monday, trend[0].RecordedAt);
    }

    [Fact]
    public void Trend_of_a_store_that_does_not_exist_is_empty_and_creates_nothing()
    {
        var path = temp.Combine("absent.sqlite");

        Assert.Empty(new HistoryStore(path).Trend("s", "m"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_baseline_each_run_was_judged_against_is_kept_and_Recent_takes_the_last_runs_of_each_metric()
    {
        var store = new HistoryStore(temp.Combine("metrics.sqlite"));
        var day = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        store.Append([.. Enumerable.Range(0, 4).SelectMany(i => new[]
        {
            new MetricPoint("s", "coco/AP", 0.4 + (i / 100.0), $"c{i}", day.AddDays(i), "nightly", i < 2 ? null : 0.42),
            new MetricPoint("s", "fp_per_frame", 3 + i, $"c{i}", day.AddDays(i), "nightly"),
        })]);

        var recent = store.Recent("s", ["coco/AP", "fp_per_frame"], runs: 3);

        Assert.Equal(["c1", "c2", "c3", "c1", "c2", "c3"], recent.Select(p => p.Commit));
        Assert.Equal([null, 0.42, 0.42, null, null, null], recent.Select(p => p.Baseline));
    }

    /// <summary>A store written before baselines were kept gains the column; its rows read back without a baseline.</summary>
    [Fact]
    public void A_store_of_the_earlier_schema_is_read_and_extended()
    {
        var path = temp.Combine("old.sqlite");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE metrics (id INTEGER PRIMARY KEY AUTOINCREMENT, scenario TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL,
                    git_commit TEXT NOT NULL, recorded_at TEXT NOT NULL, run TEXT NOT NULL);
                INSERT INTO metrics (scenario, metric, value, git_commit, recorded_at, run) VALUES ('s', 'coco/AP', 0.5, 'old', '2026-11-01T00:00:00.0000000+00:00', 'pr');
                """;
            create.ExecuteNonQuery();
        }

        var store = new HistoryStore(path);
        store.Append([new MetricPoint("s", "coco/AP", 0.6, "new", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "pr", 0.5)]);

        var trend = store.Trend("s", "coco/AP");
        Assert.Equal([0.5, 0.6], trend.Select(p => p.Value));
        Assert.Equal([null, 0.5], trend.Select(p => p.Baseline));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        temp.Dispose();
    }
}
