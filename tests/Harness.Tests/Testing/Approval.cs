namespace Harness.Tests.Testing;

/// <summary>
/// Approved-file comparison, the Verify convention the baselines also follow: the checked-in
/// <c>name.verified.ext</c> is what a reviewer approved; a run that produces anything else writes
/// <c>name.received.ext</c> beside it (git-ignored) and fails, naming the first line that differs. Approving a change
/// is moving the received file over the verified one and committing it, so every change to a page shows in review.
/// </summary>
internal static class Approval
{
    public static string Directory => Path.Combine(Harness.Testing.RepositoryPaths.Root, "tests", "Harness.Tests", "Approved");

    public static void Verify(string name, string extension, string received)
    {
        var verifiedPath = Path.Combine(Directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(Directory, $"{name}.received.{extension}");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(receivedPath, received);
        var why = verified is null ? "nothing is approved yet" : FirstDifference(verified, received);
        Assert.Fail($"{receivedPath} differs from the approved {verifiedPath}: {why}. If the change is intended: mv {receivedPath} {verifiedPath}");
    }

    private static string FirstDifference(string verified, string received)
    {
        var approvedLines = verified.Split('\n');
        var receivedLines = received.Split('\n');
        for (var i = 0; i < Math.Max(approvedLines.Length, receivedLines.Length); i++)
        {
            var approved = i < approvedLines.Length ? approvedLines[i] : "<end of file>";
            var now = i < receivedLines.Length ? receivedLines[i] : "<end of file>";
            if (approved != now)
            {
                return $"line {i + 1} was\n  {approved}\nnow\n  {now}";
            }
        }

        return "they differ in line endings only";
    }
}
