using Harness.Tests.Testing;

namespace Harness.Tests.Reporting;

/// <summary>The pages a reviewer reads, compared whole with the approved copies instead of by fragments.</summary>
[Trait("Category", "report")]
[Collection(ReportRun.Collection)]
public sealed class ReportSnapshotTests(ReportRun run)
{
    [Fact]
    public void Markdown_summary_matches_the_approved_page() => Approval.Verify("report.summary", "md", run.Summary);

    [Fact]
    public void Html_page_matches_the_approved_page() => Approval.Verify("report.index", "html", run.Page);
}
