using System.Text.Json.Nodes;
using Harness.Clips.Mcap;
using Harness.Testing;

namespace Harness.Tests.Clips.Mcap;

/// <summary>
/// For every upstream conformance listing: writing its input records with its variant's features reproduces every
/// listed record, field, offset and CRC, and the high-level reader yields its messages, attachments and metadata.
/// </summary>
public sealed class McapConformanceTests
{
    private static string ConformanceDirectory => Path.Combine(RepositoryPaths.Fixtures, "mcap-conformance");

    public static TheoryData<string> Listings()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(ConformanceDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(ConformanceDirectory, path));
        }

        return data;
    }

    [Fact]
    public void Finds_every_conformance_listing()
    {
        Assert.True(Listings().Count >= 400, $"only {Listings().Count} listings under {ConformanceDirectory}");
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void Written_file_reproduces_listing(string listingPath)
    {
        var listing = McapConformanceListing.Load(Path.Combine(ConformanceDirectory, listingPath));

        using var file = Write(listing);
        using var reader = new McapReader(file, listing.Name, leaveOpen: true);
        var actual = reader.ReadAllRecords().Select(McapConformanceListing.ToListingShape).ToList();

        for (var i = 0; i < Math.Min(actual.Count, listing.Records.Count); i++)
        {
            Assert.True(
                JsonNode.DeepEquals(listing.Records[i], actual[i]),
                $"record {i}: expected {listing.Records[i].ToJsonString()} but wrote {actual[i].ToJsonString()}");
        }

        Assert.Equal(listing.Records.Count, actual.Count);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void Reader_yields_listed_messages_in_log_time_order(string listingPath)
    {
        var listing = McapConformanceListing.Load(Path.Combine(ConformanceDirectory, listingPath));
        using var file = Write(listing);
        using var reader = new McapReader(file, listing.Name, leaveOpen: true);

        var expected = listing.RecordsOfType("Message")
            .Select(McapConformanceListing.Fields)
            .Select(f => (LogTime: McapConformanceListing.U64(f["log_time"]), Sequence: McapConformanceListing.U64(f["sequence"]), Data: McapConformanceListing.Bytes(f["data"])))
            .OrderBy(m => m.LogTime)
            .ToList();
        var actual = reader.ReadMessages().ToList();

        Assert.Equal(expected.Select(m => (m.LogTime, m.Sequence)), actual.Select(m => (m.LogTime, (ulong)m.Sequence)));
        Assert.All(actual.Zip(expected), pair => Assert.Equal(pair.Second.Data, pair.First.Data.ToArray()));
        AssertSameRecords(listing.RecordsOfType("Attachment"), reader.ReadAttachments());
        AssertSameRecords(listing.RecordsOfType("Metadata"), reader.ReadMetadata());
    }

    private static void AssertSameRecords(IEnumerable<JsonObject> expected, IEnumerable<object> actual)
    {
        var expectedList = expected.ToList();
        var actualList = actual.Select(McapConformanceListing.ToListingShape).ToList();
        Assert.Equal(expectedList.Count, actualList.Count);
        Assert.All(expectedList.Zip(actualList), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), pair.Second.ToJsonString()));
    }

    private static MemoryStream Write(McapConformanceListing listing)
    {
        var file = new MemoryStream();
        using (var writer = new McapWriter(file, listing.WriterOptions(), leaveOpen: true))
        {
            listing.WriteInputs(writer);
        }

        file.Position = 0;
        return file;
    }
}
