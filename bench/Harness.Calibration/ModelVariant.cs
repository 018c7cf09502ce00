using System.Security.Cryptography;
using Harness.Models;
using Harness.Scenarios;
using Harness.Testing;

namespace Harness.Calibration;

/// <summary>
/// A model the study replays: the scenario's own (at a score threshold below its own, so every higher threshold is a
/// filter of the same detections), its weights perturbed (last-digit noise, or retrain-sized noise), or a canary
/// scenario's model that borrows the scenario's baseline.
/// </summary>
internal sealed record ModelVariant(string Name, string Description, Func<ModelSpec, byte[]> Build, float? ScoreThreshold)
{
    /// <summary>
    /// The lowest threshold the study derives changes from. A threshold above it is the same detections filtered by
    /// score (NMS keeps a box only for higher-scoring boxes, which a higher threshold keeps too); the cache checks that
    /// no frame reached the detection cap, where that would stop holding.
    /// </summary>
    public const float FloorThreshold = 0.10f;

    /// <summary>Last-digit noise, as a retrain that learnt nothing new leaves: harmless by construction.</summary>
    public const float HarmlessNoise = 1e-5f;

    /// <summary>Retrain-sized noise: for this detector's sharp templates a real change (docs/gating.md measures it).</summary>
    public const float RetrainNoise = 1e-3f;

    public static ModelVariant Base { get; } = new("base", "the scenario's model", Bytes, FloorThreshold);

    /// <summary>The scenario's model at its own threshold, replayed on one clip to check that filtering <see cref="Base"/> gives it.</summary>
    public static ModelVariant AtOwnThreshold { get; } = new("own-threshold", "the scenario's model at its own threshold", Bytes, null);

    public static ModelVariant Noise { get; } = Perturbed(HarmlessNoise);

    public static ModelVariant Retrain { get; } = Perturbed(RetrainNoise);

    public static ModelVariant Canary(Scenario canary) =>
        new(canary.Id, $"the {canary.Id} canary ({canary.Model.Source})", _ => Bytes(canary.Model), canary.Postprocess.ScoreThreshold);

    public static string Sha256(byte[] model) => Convert.ToHexStringLower(SHA256.HashData(model));

    private static ModelVariant Perturbed(float scale)
    {
        var text = scale.ToString("0.#####E+0", System.Globalization.CultureInfo.InvariantCulture);
        return new ModelVariant($"noise {text}", $"every weight x (1 +- {text})", model => PerturbedModel.Scale(Bytes(model), scale), null);
    }

    private static byte[] Bytes(ModelSpec model) =>
        model.Source.StartsWith(ReferenceModels.UriScheme, StringComparison.Ordinal)
            ? ReferenceModels.BuildFromUri(model.Source)
            : File.ReadAllBytes(model.Source);
}
