namespace Harness.Results;

/// <summary>
/// Where a bundle's parts live: <c>bundle.json</c> (scenario facts, verdict, metrics, provenance, timings, review
/// frames), <c>truth.bin</c> (every scored frame's timestamp and truth, <see cref="TruthSnapshotFormat"/>),
/// <c>detections.bin</c> and <c>baseline-detections.bin</c> (every frame's detections of this run and of the
/// baseline, in the detection snapshot format baselines use) and, where images were kept, one
/// <c>review-&lt;frame&gt;.jpg</c> per review frame, and one <c>track-&lt;id&gt;.jpg</c> per track strip (crops of the
/// least stable tracks).
/// </summary>
internal static class ResultBundleFiles
{
    public const string Bundle = "bundle.json";
    public const string Truth = "truth.bin";
    public const string Detections = "detections.bin";
    public const string BaselineDetections = "baseline-detections.bin";
    public const string ReviewImagePrefix = "review-";
    public const string ReviewImageExtension = ".jpg";
    public const string TrackStripPrefix = "track-";

    /// <summary>Scenario ids are validated to [a-z0-9-]; anything else (a file that failed to load) still cannot leave the folder it is written to.</summary>
    public static string FolderName(string scenarioId)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        var name = new string(scenarioId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return name.Length == 0 ? "_" : name;
    }
}
