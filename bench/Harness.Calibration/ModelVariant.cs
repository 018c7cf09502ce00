using System.Security.Cryptography;
using Harness.Models;
using Harness.Scenarios;
using Harness.Testing;

namespace Harness.Calibration;

/// <summary>
/// A model the study replays: the scenario's own (at a score threshold below its own, so every higher threshold is a
/// filter of the same detections), its weights perturbed by one part in a thousand (a retrain that changes nothing
/// real), or a canary scenario's model that borrows the scenario's baseline.
/// </summary>
internal sealed record ModelVariant(string Name, string Description, Func<ModelSpec, byte[]> Build, float? ScoreThreshold)
{
    /// <summary>
    /// The lowest threshold the study derives changes from. A threshold above it is the same detections filtered by
    /// score (NMS keeps a box only for higher-scoring boxes, which a higher threshold keeps too); the cache checks that
    /// no frame reached the detection cap, where that would stop holding.
    /// </summary>
    public const float FloorThreshold = 0.10f;

    public const float NoiseScale = 1e-3f;

    public static ModelVariant Base { get; } = new("base", "the scenario's model", Bytes, FloorThreshold);

    /// <summary>The scenario's model at its own threshold, replayed on one clip to check that filtering <see cref="Base"/> gives it.</summary>
    public static ModelVariant AtOwnThreshold { get; } = new("own-threshold", "the scenario's model at its own threshold", Bytes, null);

    public static ModelVariant Noise { get; } = new("noise", $"every weight x (1 +- {NoiseScale:0.###})",
        model => PerturbedModel.Scale(Bytes(model), NoiseScale), null);

    public static ModelVariant Canary(Scenario canary) =>
        new(canary.Id, $"the {canary.Id} canary ({canary.Model.Source})", _ => Bytes(canary.Model), canary.Postprocess.ScoreThreshold);

    public static string Sha256(byte[] model) => Convert.ToHexStringLower(SHA256.HashData(model));

    private static byte[] Bytes(ModelSpec model) =>
        model.Source.StartsWith(ReferenceModels.UriScheme, StringComparison.Ordinal)
            ? ReferenceModels.BuildFromUri(model.Source)
            : File.ReadAllBytes(model.Source);
}
