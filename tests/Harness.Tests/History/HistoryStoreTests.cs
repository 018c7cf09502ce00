using Harness.History;

namespace Harness.Tests.History;

public sealed class HistoryStoreTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("history-").FullName;

    [Fact]
    public void Trend_returns_appended_values_of_one_series_oldest_first()
    {
        var store = new HistoryStore(Path.Combine(directory, "nested", "metrics.sqlite"));
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
        var path = Path.Combine(directory, "absent.sqlite");

        Assert.Empty(new HistoryStore(path).Trend("s", "m"));
        Assert.False(File.Exists(path));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
