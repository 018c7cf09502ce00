using System.Globalization;
using System.Text;
using Harness.IO;
using Harness.Inference;
using Harness.Postprocessing.Layouts;

namespace Harness.Running;

/// <summary>
/// What <c>harness inspect</c> reports about an ONNX file: its tensors and metadata, the input size, the layouts its
/// outputs fit, the one it would choose (or why it cannot), and the scenario <c>model:</c> stanza to start from.
/// </summary>
public sealed record ModelInspection(
    ModelDescription Model,
    string Sha256,
    UltralyticsMetadata? Ultralytics,
    int? InputWidth,
    int? InputHeight,
    IReadOnlyList<LayoutCandidate> Candidates)
{
    /// <exception cref="DetectorModelException">The file cannot be read, or its metadata cannot.</exception>
    public static ModelInspection Of(string path)
    {
        var model = ModelDescription.Read(path);
        var ultralytics = UltralyticsMetadata.From(model);
        var (width, height) = model.FixedInputSize is { } size ? size : (ultralytics?.Width, ultralytics?.Height);
        var candidates = LayoutRecognizer.Candidates(model, width, height, ultralytics?.Names?.Count, ultralytics?.EndToEnd == true);
        return new ModelInspection(model, ContentHash.OfFile(path), ultralytics, width, height, candidates);
    }

    /// <summary>The layout to use, when exactly one fits.</summary>
    public LayoutCandidate? Chosen => Candidates.Count == 1 ? Candidates[0] : null;

    /// <summary>The chosen layout, or why none can be chosen and which setting decides.</summary>
    public string LayoutVerdict
    {
        get
        {
            if (Chosen is { } chosen)
            {
                return $"{chosen.Layout.Name}{ClassText(chosen)}: {chosen.Layout.Summary}";
            }

            if (Candidates.Count == 0)
            {
                return $"no registered layout fits these outputs (known: {string.Join(", ", OutputLayouts.Names)})";
            }

            var deciders = new List<string> { "model.layout" };
            if (Ultralytics?.Names is null)
            {
                deciders.Add("the class count (model.classes)");
            }

            if (InputWidth is null && Candidates.Any(c => c.Layout.Name == "yolox"))
            {
                deciders.Add("the input size (model.input), which fixes yolox's rows");
            }

            return $"cannot choose between {string.Join(", ", Candidates.Select(c => c.Layout.Name + ClassText(c)))}; {string.Join(" or ", deciders)} decides";
        }
    }

    /// <summary>
    /// The preprocessing preset the file identifies: Ultralytics metadata or an Ultralytics-only layout means
    /// <c>ultralytics</c> (<c>rtdetr</c> for its RT-DETR head), the <c>yolox</c> layout <c>yolox</c>; null when nothing
    /// in the file says how its inputs were prepared.
    /// </summary>
    public string? Preset => Chosen?.Layout.Name switch
    {
        "rtdetr" => "rtdetr",
        "yolox" => "yolox",
        "yolov5" or "yolov8" or "yolov10" => "ultralytics",
        _ => Ultralytics is not null ? "ultralytics" : null,
    };

    /// <summary>Whether <see cref="Stanza()"/> leaves nothing to fill in: the layout, the input size and the class names are all known.</summary>
    public bool StanzaIsComplete => Chosen is not null && Ultralytics?.Names is not null && InputWidth is not null && InputHeight is not null;

    /// <summary>The scenario's model section as far as the file tells it; what it cannot tell is left as a placeholder to fill in.</summary>
    public string Stanza() => Stanza(Model.Model);

    /// <param name="source">The model's path as the scenario names it (relative to the scenario file's folder).</param>
    public string Stanza(string source)
    {
        var classes = Ultralytics?.Names is { } names
            ? "[" + string.Join(", ", names.Select(Quote)) + "]"
            : Chosen is { Classes: > 0 } chosen
                ? $"[]  # {chosen.Classes} classes: name them in the model's order"
                : "[]  # name the model's classes in its order";
        var text = new StringBuilder();
        text.Append("model:\n");
        text.Append(CultureInfo.InvariantCulture, $"  source: {source}\n");
        text.Append(CultureInfo.InvariantCulture, $"  sha256: {Sha256}\n");
        // A layout the outputs do not decide is left as a comment, so the file stays valid YAML and the loader names
        // the choice ("model.layout is required: the outputs fit ...") instead of failing on the placeholder.
        text.Append(Chosen is { } layout
            ? $"  layout: {layout.Layout.Name}\n"
            : $"  # layout: one of {string.Join(" | ", Candidates.Select(c => c.Layout.Name))}  (the outputs fit each: uncomment the one the model was exported as)\n");
        var size = InputWidth is { } w && InputHeight is { } h
            ? string.Create(CultureInfo.InvariantCulture, $"width: {w}, height: {h}")
            : "width: 640, height: 640";
        var dynamic = InputWidth is null || InputHeight is null ? "  # the model's input is dynamic: set the size it was trained at" : "";
        text.Append(Preset is { } preset
            ? $"  input: {{ preset: {preset}, {size} }}{dynamic}\n"
            : $"  input: {{ {size}, channel_order: rgb, scale: 0.00392156862, mean: [0, 0, 0], std: [1, 1, 1], letterbox: true, letterbox_placement: center, pad_value: 114, resize: uint8 }}" +
              "  # nothing in the file says how it was trained: verify every key against its pipeline (docs/preprocessing.md)" + dynamic + "\n");
        text.Append(CultureInfo.InvariantCulture, $"  classes: {classes}\n");
        return text.ToString();
    }

    /// <summary>The whole report, as <c>harness inspect</c> prints it.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"model     {Model.Model}\n");
        text.Append(CultureInfo.InvariantCulture, $"sha256    {Sha256}\n");
        foreach (var input in Model.Inputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"input     {input.Name}  {input.ElementType}  {input.ShapeText}\n");
        }

        foreach (var output in Model.Outputs)
        {
            text.Append(CultureInfo.InvariantCulture, $"output    {output.Name}  {output.ElementType}  {output.ShapeText}\n");
        }

        foreach (var (key, value) in Model.Metadata)
        {
            text.Append(CultureInfo.InvariantCulture, $"metadata  {key} = {value}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"layout    {LayoutVerdict}\n");
        text.Append('\n').Append(Stanza());
        return text.ToString();
    }

    private string ClassText(LayoutCandidate candidate) =>
        candidate.Classes > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({candidate.Classes} classes{(Ultralytics?.Names is null ? "" : ", from metadata names")})") : "";

    private static string Quote(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or ' ') && !name.StartsWith(' ') && !name.EndsWith(' ')
            ? name
            : "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
