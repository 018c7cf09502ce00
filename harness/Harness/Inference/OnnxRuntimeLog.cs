using Microsoft.ML.OnnxRuntime;

namespace Harness.Inference;

/// <summary>
/// How much of ONNX Runtime's own log reaches the console. Its warnings ("Removing initializer ... not used by any
/// node") are about the exported graph, not about the gate, and printed on every command that opens a model; they are
/// shown only with <c>harness --verbose</c>. Errors always are.
/// </summary>
internal static class OnnxRuntimeLog
{
    /// <summary>Set once, by the command line, before any session opens.</summary>
    public static bool Verbose { get; set; }

    public static OrtLoggingLevel Level => Verbose ? OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING : OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
}
