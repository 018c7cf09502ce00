using System.Globalization;

namespace Harness.Inference;

/// <summary>What the pipeline expects of a detector: input [1, 3, InputHeight, InputWidth] float and the output layout.</summary>
public sealed record DetectorContract(int InputWidth, int InputHeight, DetectorOutputLayout Layout, int ClassCount)
{
    internal long[] InputShape => [1, 3, InputHeight, InputWidth];

    internal static string Format(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (var i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i] < 0 ? "?" : shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return $"[{string.Join(", ", parts)}]";
    }

    /// <summary>Checks the model's declared input shape; dynamic (negative) dimensions are accepted and fixed later.</summary>
    internal void ValidateInput(string model, string name, ReadOnlySpan<long> declared)
    {
        var expected = InputShape;
        var matches = declared.Length == expected.Length;
        for (var i = 0; matches && i < expected.Length; i++)
        {
            matches = declared[i] < 0 || declared[i] == expected[i];
        }

        if (!matches)
        {
            throw new DetectorModelException(
                $"Model '{model}' input '{name}' has shape {Format(declared)} but the scenario expects {Format(expected)} (float, RGB, CHW).");
        }
    }

    /// <summary>Checks the concrete output shapes against <see cref="Layout"/>.</summary>
    internal void ValidateOutputs(string model, IReadOnlyList<string> names, IReadOnlyList<long[]> shapes)
    {
        var (expectedCount, description) = Layout switch
        {
            DetectorOutputLayout.Yolov8 => (1, $"[1, {4 + ClassCount}, N]"),
            DetectorOutputLayout.Yolov5 => (1, $"[1, N, {5 + ClassCount}]"),
            DetectorOutputLayout.Ssd => (2, $"boxes [1, N, 4] and scores [1, N, {ClassCount}] or [1, N, {ClassCount + 1}]"),
            _ => (4, "boxes [1, K, 4], scores [1, K], classes [1, K], count [1] or [1, 1]"),
        };
        var layoutName = Layout.ToString().ToLowerInvariant();
        if (shapes.Count != expectedCount)
        {
            throw new DetectorModelException(
                $"Model '{model}' has {shapes.Count} outputs ({string.Join(", ", names)}) but layout {layoutName} expects {expectedCount}: {description}.");
        }

        for (var i = 0; i < shapes.Count; i++)
        {
            if (!OutputMatches(i, shapes))
            {
                throw new DetectorModelException(
                    $"Model '{model}' output '{names[i]}' has shape {Format(shapes[i])} but layout {layoutName} with {ClassCount} classes expects {description}.");
            }
        }
    }

    private bool OutputMatches(int index, IReadOnlyList<long[]> shapes)
    {
        var shape = shapes[index];
        return Layout switch
        {
            DetectorOutputLayout.Yolov8 => Is(shape, 1, 4 + ClassCount, -1),
            DetectorOutputLayout.Yolov5 => Is(shape, 1, -1, 5 + ClassCount),
            DetectorOutputLayout.Ssd when index == 0 => Is(shape, 1, -1, 4),
            DetectorOutputLayout.Ssd => (Is(shape, 1, shapes[0][1], ClassCount) || Is(shape, 1, shapes[0][1], ClassCount + 1)),
            DetectorOutputLayout.End2End when index == 0 => Is(shape, 1, -1, 4),
            DetectorOutputLayout.End2End when index < 3 => Is(shape, 1, shapes[0][1]),
            _ => Is(shape, 1) || Is(shape, 1, 1),
        };
    }

    /// <summary>True when the shape has exactly these dimensions; -1 accepts any positive size.</summary>
    private static bool Is(long[] shape, params long[] expected)
    {
        if (shape.Length != expected.Length)
        {
            return false;
        }

        for (var i = 0; i < shape.Length; i++)
        {
            if (expected[i] < 0 ? shape[i] < 1 : shape[i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }
}
