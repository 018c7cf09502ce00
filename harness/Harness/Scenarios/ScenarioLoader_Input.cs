using System.Globalization;
using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>A scenario's <c>model.input</c> section: geometry, normalisation, channel order and letterbox.</summary>
public static partial class ScenarioLoader
{
    /// <summary><c>channel_order</c>, as the <see cref="InputSpec.Bgr"/> flag it sets.</summary>
    private static readonly KeyValuePair<string, bool>[] ChannelOrders = [new("rgb", false), new("bgr", true)];

    private static readonly KeyValuePair<string, LetterboxPlacement>[] Placements =
        [new("center", LetterboxPlacement.Center), new("top_left", LetterboxPlacement.TopLeft)];

    private static InputSpec? ReadInput(YamlMappingReader? input)
    {
        if (input is null)
        {
            return null;
        }

        var width = input.Integer("width", required: true);
        var height = input.Integer("height", required: true);
        if (width is <= 0 or > 8192)
        {
            input.Error("width", "must be between 1 and 8192");
        }

        if (height is <= 0 or > 8192)
        {
            input.Error("height", "must be between 1 and 8192");
        }

        var letterbox = input.Boolean("letterbox") ?? true;
        var placement = input.Choice("letterbox_placement", Placements);
        if (placement is not null && !letterbox)
        {
            input.Error("letterbox_placement", "has no effect with letterbox: false (the image is stretched to the whole input)");
        }

        var scale = input.Number("scale") ?? 1.0 / 255.0;
        if (scale <= 0)
        {
            input.Error("scale", $"must be greater than 0, found {scale.ToString(CultureInfo.InvariantCulture)}");
        }

        var mean = input.Numbers("mean", 3);
        var std = input.Numbers("std", 3);
        if (std.Any(s => s <= 0))
        {
            input.Error("std", "every value must be positive");
        }

        var bgr = input.Choice("channel_order", ChannelOrders) ?? false;

        var pad = input.Integer("pad_value") ?? 114;
        if (pad is < 0 or > 255)
        {
            input.Error("pad_value", "must be between 0 and 255");
        }

        input.RejectUnknownKeys();
        return width is null || height is null
            ? null
            : new InputSpec(
                width.Value,
                height.Value,
                letterbox,
                (float)scale,
                mean.Count == 3 ? mean.Select(m => (float)m).ToArray() : [0f, 0f, 0f],
                std.Count == 3 ? std.Select(s => (float)s).ToArray() : [1f, 1f, 1f],
                bgr,
                (byte)Math.Clamp(pad, 0, 255))
            {
                Placement = placement ?? LetterboxPlacement.Center,
            };
    }
}
