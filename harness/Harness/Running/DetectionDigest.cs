using System.Buffers.Binary;
using System.Security.Cryptography;
using Harness.Postprocessing;

namespace Harness.Running;

/// <summary>
/// A SHA-256 over every frame's detections, with coordinates rounded to 1/100 pixel and scores to 1e-4, so that
/// bit-level float noise does not register but any real change in what the detector reports does.
/// </summary>
internal sealed class DetectionDigest : IDisposable
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] record = new byte[24];

    public void AppendFrame(long frameIndex, IReadOnlyList<Detection> detections)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(header, frameIndex);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], detections.Count);
        hash.AppendData(header);
        foreach (var d in detections)
        {
            var span = record.AsSpan();
            BinaryPrimitives.WriteInt32LittleEndian(span, d.ClassId);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], Quantize(d.X1, 100));
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], Quantize(d.Y1, 100));
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], Quantize(d.X2, 100));
            BinaryPrimitives.WriteInt32LittleEndian(span[16..], Quantize(d.Y2, 100));
            BinaryPrimitives.WriteInt32LittleEndian(span[20..], Quantize(d.Score, 10_000));
            hash.AppendData(span);
        }
    }

    public string Complete() => Convert.ToHexStringLower(hash.GetHashAndReset());

    public void Dispose() => hash.Dispose();

    private static int Quantize(float value, float steps) => (int)MathF.Round(value * steps);
}
