using Harness.Inference;
using Harness.Preprocessing;

namespace Harness.Running;

/// <summary>A frame with its committed model input, valid until the replay takes the next one, and how long preprocessing took.</summary>
internal readonly record struct StagedFrame(Frame Frame, InputFeed Input, LetterboxTransform Transform, TimeSpan Preprocess);
