using Harness.Results;

namespace Harness.Tests.Results;

public class ShardSpecTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("1/4", 1, 4)]
    [InlineData("4/4", 4, 4)]
    [InlineData("12/100", 12, 100)]
    public void Parses_shard_k_of_n(string text, int index, int count)
    {
        var shard = ShardSpec.Parse(text);

        Assert.Equal(new ShardSpec(index, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("0/4", "shard 0 does not exist, shards of 4 are 1 to 4")]
    [InlineData("5/4", "shard 5 does not exist, shards of 4 are 1 to 4")]
    [InlineData("1/0", "the number of shards must be at least 1")]
    [InlineData("0/0", "the number of shards must be at least 1")]
    [InlineData("-1/4", "expected K/N")]
    [InlineData("1", "expected K/N")]
    [InlineData("1/", "expected K/N")]
    [InlineData("a/b", "expected K/N")]
    [InlineData(" 1/4", "expected K/N")]
    [InlineData("1/4/2", "expected K/N")]
    public void Refuses_anything_else_saying_why(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ShardSpec.Parse(text));

        Assert.StartsWith($"--shard '{text}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
