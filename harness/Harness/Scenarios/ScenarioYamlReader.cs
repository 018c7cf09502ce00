using Harness.Postprocessing.Layouts;
using Harness.Preprocessing;

namespace Harness.Scenarios;

/// <summary>
/// Reads a scenario file's YAML into a <see cref="ScenarioBuilder"/>: values of the wrong type or outside a fixed set
/// are reported here, everything else (ranges, metadata, class maps, layout settings) by the builder.
/// </summary>
internal static class ScenarioYamlReader
{
    private static readonly KeyValuePair<string, DecisionRule>[] DecisionRules =
        [new("sure_regression", DecisionRule.SureRegression), new("non_inferiority", DecisionRule.NonInferiority)];

    private static readonly KeyValuePair<string, ChannelOrder>[] ChannelOrders = [new("rgb", ChannelOrder.Rgb), new("bgr", ChannelOrder.Bgr)];

    private static readonly KeyValuePair<string, LetterboxPlacement>[] Placements =
        [new("center", LetterboxPlacement.Center), new("top_left", LetterboxPlacement.TopLeft)];

    private static readonly KeyValuePair<string, ResizeMethod>[] ResizeMethods = [new("uint8", ResizeMethod.EightBit), new("float", ResizeMethod.FloatingPoint)];

    private static readonly KeyValuePair<string, SizeRounding>[] SizeRoundings = [new("round", SizeRounding.Round), new("truncate", SizeRounding.Truncate)];

    private static readonly KeyValuePair<string, ClassEvaluation>[] Evaluations = [new("all", ClassEvaluation.All), new("mapped", ClassEvaluation.Mapped)];

    /// <param name="path">The file, named in every message; relative clip and model paths resolve against its folder.</param>
    public static ScenarioBuilder Read(YamlMappingReader top, string path)
    {
        var builder = new ScenarioBuilder(top.String("id", required: true) ?? "")
            .FromFile(path)
            .RelativeTo(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".")
            .WithDescription(top.String("description") ?? "")
            .WithTags(top.Strings("tags", required: true));
        if (top.String("baseline") is { } baseline)
        {
            builder.WithBaseline(baseline);
        }

        if (top.Mapping("clip", required: true) is { } clip)
        {
            builder.WithClip(clip.String("source", required: true), clip.String("sha256"))
                .WithTopics(clip.String("camera"), clip.String("truth"), clip.String("lidar"), clip.String("camera_info"));
            clip.RejectUnknownKeys();
        }

        if (top.Mapping("model", required: true) is { } model)
        {
            ReadModel(model, builder);
        }

        if (top.Mapping("postprocess") is { } post)
        {
            builder.WithPostprocess(post.Number("score_threshold"), post.Number("iou_threshold"), post.Integer("max_detections"), post.Boolean("class_agnostic"));
            post.RejectUnknownKeys();
        }

        if (top.Mapping("streaming") is { } streaming)
        {
            if (streaming.Number("latency_ms", required: true) is { } latencyMs)
            {
                builder.WithStreaming(latencyMs);
            }

            streaming.RejectUnknownKeys();
        }

        foreach (var gate in top.MappingList("gates"))
        {
            builder.WithGate(gate.String("metric", required: true), gate.Number("min"), gate.Number("max"), gate.Tolerance(AllowedChangeKeys.MaxDrop), gate.Tolerance(AllowedChangeKeys.MaxIncrease),
                gate.Choice("when", RunKindNames.Words) ?? RunKind.Always, gate.Choice("decide", DecisionRules) ?? DecisionRule.SureRegression);
            gate.RejectUnknownKeys();
        }

        builder.WithMinSupport(top.Integer("min_support"));

        return builder;
    }

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
            builder.WithSession(session.Integer("intra_op_threads"), session.Choice("optimization", SessionSectionBuilder.KnownOptimizationLevels), session.Boolean("deterministic"));
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
