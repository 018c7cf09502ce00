using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Harness.Metrics;

/// <summary>
/// A SHA-256 over every frame's detections, with coordinates rounded to 1/100 pixel and scores to 1e-4, so that
/// bit-level float noise does not register but any real change in what the detector reports does. Which frames and
/// objects changed is the detection snapshot's job; this is the one-line identity of a run's output.
/// </summary>
internal sealed class DetectionDigest : IDisposable
{
    private const int HeaderBytes = 12;
    private const int DetectionBytes = 24;

    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] buffer = new byte[HeaderBytes + (DetectionBytes * 64)];

    public void AppendFrame(long frameIndex, IReadOnlyList<Detection> detections)
    {
        var length = HeaderBytes + (DetectionBytes * detections.Count);
        if (buffer.Length < length)
        {
            buffer = new byte[length * 2];
        }

        var bytes = buffer.AsSpan(0, length);
        BinaryPrimitives.WriteInt64LittleEndian(bytes, frameIndex);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], detections.Count);
        var record = bytes[HeaderBytes..];
        foreach (var d in detections)
        {
            BinaryPrimitives.WriteInt32LittleEndian(record, d.ClassId);
            BinaryPrimitives.WriteInt32LittleEndian(record[4..], Quantize(d.X1, 100));
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], Quantize(d.Y1, 100));
            BinaryPrimitives.WriteInt32LittleEndian(record[12..], Quantize(d.X2, 100));
            BinaryPrimitives.WriteInt32LittleEndian(record[16..], Quantize(d.Y2, 100));
            BinaryPrimitives.WriteInt32LittleEndian(record[20..], Quantize(d.Score, 10_000));
            record = record[DetectionBytes..];
        }

        hash.AppendData(bytes);
    }

    public string Complete() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    private static int Quantize(float value, float steps) => (int)MathF.Round(value * steps);
}
