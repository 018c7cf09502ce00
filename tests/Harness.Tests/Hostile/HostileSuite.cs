using System.Globalization;
using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using Harness.Gate;
using Harness.Reporting;
using Harness.Scenarios;
using Harness.Suite;
using Harness.TestKit;
using Harness.Tests.Running;

namespace Harness.Tests.Hostile;

/// <summary>
/// A temporary suite: scenario <c>good</c> replays a valid two-frame clip through a constant detector, and a test adds
/// one scenario that uses a hostile input (clip, model, its own YAML or its baseline) and runs the whole gate.
/// Inputs live in <c>scenarios/inputs/</c>, which the loader does not read as scenarios.
/// </summary>
internal sealed class HostileSuite : IDisposable
{
    public const string GoodClip = "good.mcap";
    public const string GoodModel = "good.onnx";
    public const int Size = ConstantModels.InputSize;

    public static readonly string[] Classes = ["car", "pedestrian"];

    private static readonly TruthBox Truth = new(0, 8, 8, 24, 16);

    private readonly TemporaryDirectory temp = new("hostile-suite-");

    public HostileSuite()
    {
        Directory.CreateDirectory(Inputs);
        Directory.CreateDirectory(Baselines);
        using (var writer = McapClipWriter.Create(Input(GoodClip), "/camera/front", "/truth/front", Classes))
        {
            for (var i = 1; i <= 2; i++)
            {
                writer.WriteFrame(i * 100_000_000L, CameraImage.Packed(Size, Size, PixelFormat.Rgb8, new byte[Size * Size * 3]), [Truth]);
            }
        }

        File.WriteAllBytes(Input(GoodModel), ConstantModels.Yolov8(2, new ModelBox(8, 8, 32, 24, 0.9f, 0)));
        WriteScenario("good");
    }

    public string Scenarios => temp.Combine("scenarios");

    public string Baselines => temp.Combine("baselines");

    private string Inputs => Path.Combine(Scenarios, "inputs");

    public string Input(string name) => Path.Combine(Inputs, name);

    public string ScenarioPath(string id) => Path.Combine(Scenarios, id + ".yaml");

    public byte[] GoodClipBytes() => File.ReadAllBytes(Input(GoodClip));

    public string WriteInput(string name, byte[] bytes)
    {
        File.WriteAllBytes(Input(name), bytes);
        return Input(name);
    }

    /// <summary>A clip whose two camera messages carry <paramref name="camera"/> under <paramref name="schema"/>, with valid truth.</summary>
    public string WriteClip(string name, McapSchema schema, byte[] camera)
    {
        using (var writer = McapWriter.Create(Input(name)))
        {
            writer.AddSchema(schema with { Id = 1 });
            writer.AddSchema(ClipSchemas.TruthBoxes(2));
            writer.AddChannel(new McapChannel(1, 1, "/camera/front", "protobuf"));
            writer.AddChannel(new McapChannel(2, 2, "/truth/front", TruthBoxesMessage.MessageEncoding));
            for (var i = 1u; i <= 2; i++)
            {
                var time = i * 100_000_000UL;
                writer.WriteMessage(1, time, time, i, camera);
                writer.WriteMessage(2, time, time, i, new TruthBoxesMessage([Truth], Classes).Encode());
            }
        }

        return Input(name);
    }

    public string WriteScenario(string id, string clip = GoodClip, string model = GoodModel)
    {
        File.WriteAllText(ScenarioPath(id), string.Create(CultureInfo.InvariantCulture, $"""
            id: {id}
            tags: [pr]
            clip:
              source: inputs/{clip}
              camera: /camera/front
              truth: /truth/front
            model:
              source: inputs/{model}
              layout: yolov8
              input: {"{"} width: {Size}, height: {Size}, letterbox: true {"}"}
              classes: [{string.Join(", ", Classes)}]
              session: {"{"} intra_op_threads: 1 {"}"}
            postprocess: {"{"} score_threshold: 0.25, iou_threshold: 0.45, max_detections: 100 {"}"}

            """));
        return ScenarioPath(id);
    }

    public string WriteScenarioFile(string id, byte[] bytes)
    {
        File.WriteAllBytes(ScenarioPath(id), bytes);
        return ScenarioPath(id);
    }

    public string WriteVerifiedBaseline(string id, byte[] bytes)
    {
        var path = new BaselineStore(Baselines).VerifiedPath(id);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public SuiteReport Run() =>
        GateSuite.Run(new SuiteOptions(Scenarios, Baselines, temp.Combine("cache"), null, [], RunKind.PullRequest, IsCi: false) { ResultsDirectory = temp.Combine("results") }, []);

    public void Dispose() => temp.Dispose();
}
