using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Harness.Inference;

/// <summary>
/// One ONNX Runtime session for one detector. The input and every output live in managed arrays allocated once and
/// pinned by OrtValues bound through an IoBinding, so <see cref="Run"/> copies nothing and allocates nothing per
/// frame: write <see cref="InputBuffer"/>, call <see cref="Run"/>, read <see cref="Output(int)"/>.
/// </summary>
public sealed class OnnxDetector : IDisposable
{
    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly OrtIoBinding _binding;
    private readonly InputFeed _input;
    private readonly BoundOutput[] _outputs;
    private readonly string _inputName;
    private readonly Func<InputFeed> _createInput;
    private InputFeed _bound;
    private bool _disposed;

    private OnnxDetector(string modelName, DetectorContract contract, SessionParts parts, InputFeed input, BoundOutput[] outputs, string inputName, Func<InputFeed> createInput)
    {
        ModelName = modelName;
        Contract = contract;
        _sessionOptions = parts.Options;
        _session = parts.Session;
        _runOptions = parts.RunOptions;
        _binding = parts.Binding;
        _input = input;
        _bound = input;
        _outputs = outputs;
        _inputName = inputName;
        _createInput = createInput;
    }

    public string ModelName { get; }

    public DetectorContract Contract { get; }

    /// <summary>
    /// The model input [1, 3, H, W] as float CHW, whatever the model takes (NHWC and float16 inputs are fed from it);
    /// the preprocessor writes here before each <see cref="Run"/>.
    /// </summary>
    public Span<float> InputBuffer => _input.Planar;

    public int OutputCount => _outputs.Length;

    /// <summary>The element type the model's input takes: float, ONNX Runtime's Float16 or byte.</summary>
    public Type InputElementType { get; private init; } = typeof(float);

    public static OnnxDetector Load(string modelPath, DetectorContract contract, OnnxDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new DetectorModelException($"Model file '{modelPath}' does not exist.");
        }

        return Create(modelPath, sessionOptions => new InferenceSession(modelPath, sessionOptions), contract, options);
    }

    /// <summary>Loads a model from memory; <paramref name="modelName"/> names it in error messages (e.g. its URI).</summary>
    public static OnnxDetector Load(byte[] model, string modelName, DetectorContract contract, OnnxDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(modelName, sessionOptions => new InferenceSession(model, sessionOptions), contract, options);
    }

    public string OutputName(int index) => _outputs[index].Name;

    public ReadOnlySpan<long> OutputShape(int index) => _outputs[index].Shape;

    /// <summary>The CLR element type of the output's buffer: float, long, int or ONNX Runtime's Float16 (the model's float, int64, int32 or float16).</summary>
    public Type OutputElementType(int index) => _outputs[index].Buffer.GetType().GetElementType()!;

    public ReadOnlySpan<float> Output(int index) => Output<float>(index);

    /// <summary>The output's elements, valid until the next <see cref="Run"/>; T must match the output's element type.</summary>
    public ReadOnlySpan<T> Output<T>(int index)
        where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var output = _outputs[index];
        return output.Buffer is T[] buffer
            ? buffer
            : throw new InvalidOperationException($"Output '{output.Name}' of model '{ModelName}' holds {output.Buffer.GetType().GetElementType()!.Name}, not {typeof(T).Name}.");
    }

    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _input.Commit();
        RunOn(_input);
    }

    /// <summary>
    /// Another input of the model's shape and type, which the caller owns and disposes: one can be filled (its
    /// <see cref="InputFeed.Planar"/> written, then committed) on another thread while the model runs on another.
    /// </summary>
    internal InputFeed CreateInput()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _createInput();
    }

    /// <summary>Runs the model on an input from <see cref="CreateInput"/>, already committed; it is read in place, not copied.</summary>
    internal void RunInPlace(InputFeed committed)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RunOn(committed);
    }

    private void RunOn(InputFeed input)
    {
        if (!ReferenceEquals(_bound, input))
        {
            _binding.BindInput(_inputName, input.Value);
            _bound = input;
        }

        _session.RunWithBinding(_runOptions, _binding);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding.Dispose();
        foreach (var output in _outputs)
        {
            output.Dispose();
        }

        _input.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _sessionOptions.Dispose();
    }

    private static OnnxDetector Create(string modelName, Func<SessionOptions, InferenceSession> open, DetectorContract contract, OnnxDetectorOptions? options)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var owned = new Stack<IDisposable>();
        try
        {
            var sessionOptions = CreateSessionOptions(options ?? OnnxDetectorOptions.Default);
            owned.Push(sessionOptions);
            var session = Open(modelName, open, sessionOptions);
            owned.Push(session);
            var (inputName, inputShape, channelLast, inputType) = ValidateInput(modelName, session, contract);
            var input = InputFeed.Create(inputShape, channelLast, inputType);
            owned.Push(input);
            var runOptions = new RunOptions();
            owned.Push(runOptions);
            var binding = session.CreateIoBinding();
            owned.Push(binding);
            binding.BindInput(inputName, input.Value);
            var names = session.OutputNames;
            var shapes = OutputShapes(session, binding, runOptions);
            var selected = contract.ValidateOutputs(modelName, names, shapes);
            var outputs = new BoundOutput[selected.Length];
            for (var i = 0; i < outputs.Length; i++)
            {
                var name = names[selected[i]];
                outputs[i] = BoundOutput.Create(modelName, name, session.OutputMetadata[name].ElementDataType, shapes[selected[i]]);
                owned.Push(outputs[i]);
                binding.BindOutput(name, outputs[i].Value);
            }

            return new OnnxDetector(modelName, contract, new SessionParts(sessionOptions, session, runOptions, binding), input, outputs,
                inputName, () => InputFeed.Create(inputShape, channelLast, inputType))
            {
                InputElementType = inputType switch
                {
                    TensorElementType.Float16 => typeof(Float16),
                    TensorElementType.UInt8 => typeof(byte),
                    _ => typeof(float),
                },
            };
        }
        catch
        {
            while (owned.Count > 0)
            {
                owned.Pop().Dispose();
            }

            throw;
        }
    }

    private static SessionOptions CreateSessionOptions(OnnxDetectorOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            LogSeverityLevel = OnnxRuntimeLog.Level,
            IntraOpNumThreads = options.IntraOpThreads,
            GraphOptimizationLevel = options.Optimization switch
            {
                GraphOptimization.None => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
        };
        if (options.DeterministicCompute)
        {
            sessionOptions.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
            sessionOptions.InterOpNumThreads = 1;
        }

        return sessionOptions;
    }

    private static InferenceSession Open(string modelName, Func<SessionOptions, InferenceSession> open, SessionOptions sessionOptions)
    {
        try
        {
            return open(sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new DetectorModelException($"Model '{modelName}' could not be loaded by ONNX Runtime: {e.Message}", e);
        }
    }

    private static (string Name, long[] Shape, bool ChannelLast, TensorElementType Type) ValidateInput(
        string modelName, InferenceSession session, DetectorContract contract)
    {
        if (session.InputMetadata.Count != 1)
        {
            throw new DetectorModelException(
                $"Model '{modelName}' has {session.InputMetadata.Count} inputs ({string.Join(", ", session.InputNames)}) but a detector takes one image input.");
        }

        var (name, metadata) = session.InputMetadata.First();
        if (!metadata.IsTensor || metadata.ElementDataType is not (TensorElementType.Float or TensorElementType.Float16 or TensorElementType.UInt8))
        {
            throw new DetectorModelException($"Model '{modelName}' input '{name}' is {metadata.ElementDataType}, but a float, float16 or uint8 tensor is expected.");
        }

        var (shape, channelLast) = contract.ValidateInput(modelName, name, Array.ConvertAll(metadata.Dimensions, d => (long)d));
        return (name, shape, channelLast, metadata.ElementDataType);
    }

    /// <summary>
    /// Static output shapes come from the model; when any dimension is dynamic one warm-up run on the zeroed input
    /// lets ONNX Runtime allocate the outputs so their concrete shapes are known before buffers are allocated.
    /// </summary>
    private static long[][] OutputShapes(InferenceSession session, OrtIoBinding binding, RunOptions runOptions)
    {
        var names = session.OutputNames;
        var declared = names.Select(n => Array.ConvertAll(session.OutputMetadata[n].Dimensions, d => (long)d)).ToArray();
        if (declared.All(shape => shape.All(d => d >= 0)))
        {
            return declared;
        }

        foreach (var name in names)
        {
            binding.BindOutputToDevice(name, OrtMemoryInfo.DefaultInstance);
        }

        session.RunWithBinding(runOptions, binding);
        using var values = binding.GetOutputValues();
        var shapes = values.Select(v => v.GetTensorTypeAndShape().Shape).ToArray();
        binding.ClearBoundOutputs();
        return shapes;
    }

    private sealed record SessionParts(SessionOptions Options, InferenceSession Session, RunOptions RunOptions, OrtIoBinding Binding);
}
