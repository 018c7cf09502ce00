namespace Harness.Preprocessing;

/// <summary>Order of the three colour planes in the model's CHW input tensor.</summary>
public enum ChannelOrder
{
    Rgb,
    Bgr,
}
