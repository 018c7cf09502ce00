using Harness.Postprocessing;

namespace Harness.Tests.Postprocessing;

/// <summary>Output tensors held in arrays, handed to a postprocessor as <see cref="ModelOutputs"/>.</summary>
internal sealed class TensorSet(params (float[] Data, long[] Shape)[] tensors)
{
    public int Count => tensors.Length;

    public ModelOutputs Outputs => tensors.Length switch
    {
        1 => new ModelOutputs(Tensor(0)),
        2 => new ModelOutputs(Tensor(0), Tensor(1)),
        3 => new ModelOutputs(Tensor(0), Tensor(1), Tensor(2)),
        _ => new ModelOutputs(Tensor(0), Tensor(1), Tensor(2), Tensor(3)),
    };

    private OutputTensor Tensor(int index) => new(tensors[index].Data, tensors[index].Shape);
}
