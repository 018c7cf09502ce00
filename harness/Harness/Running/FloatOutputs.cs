using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Harness.Inference;
using Harness.Postprocessing;
using Microsoft.ML.OnnxRuntime;

namespace Harness.Running;

/// <summary>
/// Every detector output as floats, which is what the postprocessor reads. End2end exports give classes and count as
/// int64 (some as int32) and half-precision exports give float16; those are converted after each run into float
/// buffers allocated once here, so a frame still allocates nothing. Float outputs are read in place.
/// </summary>
internal sealed class FloatOutputs
{
    private readonly OnnxDetector _detector;
    private readonly float[]?[] _converted;
    private readonly Type[] _types;

    public FloatOutputs(OnnxDetector detector)
    {
        _detector = detector;
        _converted = new float[]?[detector.OutputCount];
        _types = new Type[detector.OutputCount];
        for (var i = 0; i < _converted.Length; i++)
        {
            var type = detector.OutputElementType(i);
            _types[i] = type;
            _converted[i] = type == typeof(float) ? null
                : type == typeof(long) ? new float[detector.Output<long>(i).Length]
                : type == typeof(Float16) ? new float[detector.Output<Float16>(i).Length]
                : new float[detector.Output<int>(i).Length];
        }
    }

    /// <summary>Converts the integer outputs of the last run; call once after every <see cref="OnnxDetector.Run"/>.</summary>
    public void Refresh()
    {
        for (var i = 0; i < _converted.Length; i++)
        {
            if (_converted[i] is not { } buffer)
            {
                continue;
            }

            if (_types[i] == typeof(long))
            {
                TensorPrimitives.ConvertTruncating(_detector.Output<long>(i), buffer.AsSpan());
            }
            else if (_types[i] == typeof(Float16))
            {
                TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<Float16, Half>(_detector.Output<Float16>(i)), buffer.AsSpan());
            }
            else
            {
                TensorPrimitives.ConvertTruncating(_detector.Output<int>(i), buffer.AsSpan());
            }
        }
    }

    public ModelOutputs Current => _converted.Length switch
    {
        1 => new ModelOutputs(Output(0)),
        2 => new ModelOutputs(Output(0), Output(1)),
        3 => new ModelOutputs(Output(0), Output(1), Output(2)),
        _ => new ModelOutputs(Output(0), Output(1), Output(2), Output(3)),
    };

    private OutputTensor Output(int index) =>
        new(_converted[index] is { } buffer ? buffer : _detector.Output(index), _detector.OutputShape(index));
}
