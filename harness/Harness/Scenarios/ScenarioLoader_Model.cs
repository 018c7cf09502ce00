using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>
/// A scenario's <c>model</c> section, read as YAML into the builder: values of the wrong type or outside a fixed
/// set are reported here, everything else (ranges, metadata, class maps, layout settings) by the builder.
/// </summary>
public static partial class ScenarioLoader
{
    private static readonly KeyValuePair<string, ChannelOrder>[] ChannelOrders = [new("rgb", ChannelOrder.Rgb), new("bgr", ChannelOrder.Bgr)];

    private static readonly KeyValuePair<string, LetterboxPlacement>[] Placements =
        [new("center", LetterboxPlacement.Center), new("top_left", LetterboxPlacement.TopLeft)];

    private static readonly KeyValuePair<string, ResizeMethod>[] ResizeMethods = [new("uint8", ResizeMethod.EightBit), new("float", ResizeMethod.FloatingPoint)];

    private static readonly KeyValuePair<string, SizeRounding>[] SizeRoundings = [new("round", SizeRounding.Round), new("truncate", SizeRounding.Truncate)];

    private static readonly KeyValuePair<string, ClassEvaluation>[] Evaluations = [new("all", ClassEvaluation.All), new("mapped", ClassEvaluation.Mapped)];

    private static void ReadModel(YamlMappingReader model, ScenarioBuilder builder)
    {
        builder.WithModel(model.String("source", required: true), model.String("sha256"));
        if (model.String("layout") is { } layout)
        {
            builder.WithLayout(layout);
        }

        ReadLayoutSettings(model, builder);
        if (model.Mapping("input") is { } input)
        {
            builder.WithInput(input.Integer("width"), input.Integer("height"))
                .WithNormalization(input.Number("scale"), Optional(input, "mean"), Optional(input, "std"), input.Choice("channel_order", ChannelOrders))
                .WithLetterbox(input.Boolean("letterbox"), input.Choice("letterbox_placement", Placements), input.Integer("pad_value"))
                .WithResize(input.Choice("resize", ResizeMethods), input.Choice("size_rounding", SizeRoundings))
                .WithPreset(input.String("preset"));
            input.RejectUnknownKeys();
        }

        if (model.Contains("classes"))
        {
            builder.WithClasses(model.Strings("classes", required: true));
        }

        if (model.Mapping("class_map") is { } classMap)
        {
            foreach (var (evaluationClass, names) in classMap.NameLists())
            {
                builder.WithClassMap(evaluationClass, names);
            }
        }

        builder.WithIgnored(model.Strings("ignore"));
        if (model.Choice("evaluate", Evaluations) is { } evaluate)
        {
            builder.WithEvaluate(evaluate);
        }

        if (model.Mapping("session") is { } session)
        {
            builder.WithSession(session.Integer("intra_op_threads"), session.Choice("optimization", ScenarioBuilder.KnownOptimizationLevels), session.Boolean("deterministic"));
            session.RejectUnknownKeys();
        }

        model.RejectUnknownKeys();
    }

    /// <summary>Every registered layout's settings are keys of the model section; the builder decides which belong to the chosen layout.</summary>
    private static void ReadLayoutSettings(YamlMappingReader model, ScenarioBuilder builder)
    {
        foreach (var setting in OutputLayouts.All.SelectMany(l => l.Settings).DistinctBy(s => s.Key))
        {
            if (model.Contains(setting.Key))
            {
                builder.WithLayoutSetting(setting.Key, setting.IsList ? model.Strings(setting.Key) : model.String(setting.Key) is { } one ? [one] : []);
            }
        }
    }

    private static IReadOnlyList<double>? Optional(YamlMappingReader input, string key) => input.Contains(key) ? input.Numbers(key, 3) : null;
}
