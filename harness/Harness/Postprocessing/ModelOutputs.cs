namespace Harness.Postprocessing;

/// <summary>The one to four output tensors of one inference, in the order the layout's output patterns name them.</summary>
internal readonly ref struct ModelOutputs
{
    private readonly OutputTensor first;
    private readonly OutputTensor second;
    private readonly OutputTensor third;
    private readonly OutputTensor fourth;

    public ModelOutputs(OutputTensor first)
        : this(first, default, default, default, 1)
    {
    }

    public ModelOutputs(OutputTensor first, OutputTensor second)
        : this(first, second, default, default, 2)
    {
    }

    public ModelOutputs(OutputTensor first, OutputTensor second, OutputTensor third)
        : this(first, second, third, default, 3)
    {
    }

    public ModelOutputs(OutputTensor first, OutputTensor second, OutputTensor third, OutputTensor fourth)
        : this(first, second, third, fourth, 4)
    {
    }

    private ModelOutputs(OutputTensor first, OutputTensor second, OutputTensor third, OutputTensor fourth, int count)
    {
        this.first = first;
        this.second = second;
        this.third = third;
        this.fourth = fourth;
        Count = count;
    }

    public int Count { get; }

    public OutputTensor this[int index] => index switch
    {
        0 when Count > 0 => first,
        1 when Count > 1 => second,
        2 when Count > 2 => third,
        3 when Count > 3 => fourth,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {Count} output tensors were given."),
    };
}
