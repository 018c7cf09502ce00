using Harness.IO;
using Harness.TestKit;

namespace Harness.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TemporaryDirectory temp = new("atomic-file-");

    [Fact]
    public void Writes_into_a_folder_that_does_not_exist_yet_and_leaves_only_the_file()
    {
        var path = temp.Combine("a", "b", "file.bin");

        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, [1, 2, 3]));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["file.bin"], Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Replaces_an_existing_file_whole()
    {
        var path = temp.Combine("file.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9, 9]);

        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, [1]));

        Assert.Equal([1], File.ReadAllBytes(path));
    }

    [Fact]
    public void A_writer_that_fails_halfway_leaves_the_old_file_and_no_temporary()
    {
        var path = temp.Combine("file.bin");
        File.WriteAllBytes(path, [7, 7]);

        var thrown = Assert.Throws<IOException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllBytes(temporary, [1]);
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", thrown.Message);
        Assert.Equal([7, 7], File.ReadAllBytes(path));
        Assert.Equal(["file.bin"], Directory.EnumerateFiles(temp.Path).Select(Path.GetFileName));
    }

    public void Dispose() => temp.Dispose();
}
