using System.Numerics.Tensors;
using Harness.Inference;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// Every detector output as floats, which is what the postprocessor reads. End2end exports give classes and count as
/// int64 (some as int32); those are converted after each run into float buffers allocated once here, so a frame
/// still allocates nothing. Float outputs are read in place.
/// </summary>
internal sealed class FloatOutputs
{
    private readonly OnnxDetector _detector;
    private readonly float[]?[] _converted;
    private readonly bool[] _int64;

    public FloatOutputs(OnnxDetector detector)
    {
        _detector = detector;
        _converted = new float[]?[detector.OutputCount];
        _int64 = new bool[detector.OutputCount];
        for (var i = 0; i < _converted.Length; i++)
        {
            var type = detector.OutputElementType(i);
            _int64[i] = type == typeof(long);
            _converted[i] = type == typeof(float) ? null
                : type == typeof(long) ? new float[detector.Output<long>(i).Length]
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

            if (_int64[i])
            {
                TensorPrimitives.ConvertTruncating(_detector.Output<long>(i), buffer.AsSpan());
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
        _ => new ModelOutputs(Output(0), Output(1), Output(2), Output(3)),
    };

    private OutputTensor Output(int index) =>
        new(_converted[index] is { } buffer ? buffer : _detector.Output(index), _detector.OutputShape(index));
}
