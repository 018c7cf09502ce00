namespace Harness.Metrics.Nuscenes;

/// <summary>A nuScenes submission or config file that is missing, unreadable, or not what the devkit would accept.</summary>
internal sealed class NuscenesFormatException(string filePath, string problem, Exception? innerException = null)
    : HarnessInputException($"{filePath}: {problem}", innerException)
{
    internal static readonly JsonFileTokens.ErrorFactory Factory = static (path, problem, inner) => new NuscenesFormatException(path, problem, inner);
}
