namespace Harness.Reporting;

/// <summary>An output of a gate run (console table, Markdown summary, HTML page, history). A name and one method.</summary>
public interface IReporter
{
    string Name { get; }

    void Export(SuiteReport report);
}
