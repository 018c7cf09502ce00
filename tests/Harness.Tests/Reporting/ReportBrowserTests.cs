using Microsoft.Playwright;

namespace Harness.Tests.Reporting;

/// <summary>
/// The HTML report as a person sees it: opened in headless Chromium (Debian's <c>chromium</c>, which
/// <c>build/install-test-dependencies.sh</c> installs where missing), driven by Playwright.
/// </summary>
[Trait("Category", "report")]
[Collection(ReportRun.Collection)]
public sealed class ReportBrowserTests(ReportRun run)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Page_loads_without_console_errors_and_every_image_decodes()
    {
        await using var session = await Open();

        Assert.Empty(session.Errors);
        var images = await session.Page.EvaluateAsync<string[]>("() => Array.from(document.images).map(i => i.getAttribute('src'))");
        var broken = await session.Page.EvaluateAsync<string[]>(
            "() => Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src'))");
        Assert.True(images.Length >= 10, $"expected plots, flip crops and thumbnails, found {images.Length} images");
        Assert.Empty(broken);
    }

    [Fact]
    public async Task Failing_scenario_and_its_failing_rows_come_first()
    {
        await using var session = await Open();

        var sections = await session.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('section')).map(s => s.id)");
        Assert.Equal(["scenario-street-degraded", "scenario-street"], sections);

        // The row classes of the failing scenario's visible table, top to bottom: a failure above every warning.
        var rows = await session.Page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('#scenario-street-degraded tr[class]')).filter(r => r.offsetParent !== null).map(r => r.className)");
        Assert.Equal("fail", rows[0]);
        Assert.True(rows.SkipWhile(c => c == "fail").All(c => c != "fail"), string.Join(", ", rows));
        Assert.Contains("warn", rows);
    }

    private async Task<BrowserSession> Open()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run build/install-test-dependencies.sh (CI runs it in .ci/run)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var session = new BrowserSession(playwright, browser, page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => session.Errors.Add(error);
        page.RequestFailed += (_, request) => session.Errors.Add($"{request.Url}: {request.Failure}");
        await page.GotoAsync(new Uri(Path.Combine(run.ReportDirectory, "index.html")).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return session;
    }

    private sealed class BrowserSession(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;

        public List<string> Errors { get; } = [];

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
