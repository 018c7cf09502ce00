using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Harness.Inference;

/// <summary>
/// The model input. The preprocessor always writes float CHW into <see cref="Planar"/>; a float NCHW model reads that
/// buffer in place, while a channel-last, float16 or uint8 model gets its own buffer, filled by <see cref="Commit"/>
/// before each run (a transpose and/or a conversion, allocation-free). A uint8 model (TensorFlow exports) takes
/// pixel values 0-255: the scenario must not scale them, and values are rounded and saturated.
/// </summary>
internal sealed class InputFeed : IDisposable
{
    private readonly float[]? _interleaved;
    private readonly Float16[]? _half;
    private readonly byte[]? _bytes;
    private readonly int _pixels;

    private InputFeed(float[] planar, float[]? interleaved, Float16[]? half, byte[]? bytes, OrtValue value)
    {
        Planar = planar;
        _interleaved = interleaved;
        _half = half;
        _bytes = bytes;
        _pixels = planar.Length / 3;
        Value = value;
    }

    public float[] Planar { get; }

    public OrtValue Value { get; }

    public bool ChannelLast { get; private init; }

    /// <param name="shape">The concrete input shape: [1, 3, H, W] or, <paramref name="channelLast"/>, [1, H, W, 3].</param>
    public static InputFeed Create(long[] shape, bool channelLast, TensorElementType type)
    {
        var planar = new float[checked((int)(shape[1] * shape[2] * shape[3]))];
        if (type == TensorElementType.Float16)
        {
            var half = new Float16[planar.Length];
            return new InputFeed(planar, channelLast ? new float[planar.Length] : null, half, null, OrtValue.CreateTensorValueFromMemory(half, shape)) { ChannelLast = channelLast };
        }

        if (type == TensorElementType.UInt8)
        {
            // The interleaved buffer doubles as the rounding scratch space, so it exists for NCHW too.
            var bytes = new byte[planar.Length];
            return new InputFeed(planar, new float[planar.Length], null, bytes, OrtValue.CreateTensorValueFromMemory(bytes, shape)) { ChannelLast = channelLast };
        }

        if (!channelLast)
        {
            return new InputFeed(planar, null, null, null, OrtValue.CreateTensorValueFromMemory(planar, shape));
        }

        var interleaved = new float[planar.Length];
        return new InputFeed(planar, interleaved, null, null, OrtValue.CreateTensorValueFromMemory(interleaved, shape)) { ChannelLast = true };
    }

    /// <summary>Moves what the preprocessor wrote into the buffer the model reads.</summary>
    public void Commit()
    {
        ReadOnlySpan<float> source = Planar;
        if (_interleaved is { } interleaved)
        {
            if (ChannelLast)
            {
                Interleave(Planar, interleaved, _pixels);
            }
            else
            {
                Planar.CopyTo(interleaved.AsSpan());
            }

            source = interleaved;
        }

        if (_half is { } half)
        {
            TensorPrimitives.ConvertToHalf(source, MemoryMarshal.Cast<Float16, Half>(half.AsSpan()));
        }

        if (_bytes is { } bytes)
        {
            var scratch = _interleaved.AsSpan();
            TensorPrimitives.Round(source, scratch);
            TensorPrimitives.ConvertSaturating<float, byte>(scratch, bytes);
        }
    }

    public void Dispose() => Value.Dispose();

    /// <summary>CHW planes to HWC pixels.</summary>
    internal static void Interleave(ReadOnlySpan<float> planar, Span<float> interleaved, int pixels)
    {
        var red = planar[..pixels];
        var green = planar.Slice(pixels, pixels);
        var blue = planar.Slice(2 * pixels, pixels);
        for (var p = 0; p < pixels; p++)
        {
            interleaved[3 * p] = red[p];
            interleaved[(3 * p) + 1] = green[p];
            interleaved[(3 * p) + 2] = blue[p];
        }
    }
}
