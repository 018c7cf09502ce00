using System.Security.Cryptography;
using Harness.Clips.Synthetic;

namespace Harness.Tests.Clips.Synthetic;

public class SyntheticSceneTests
{
    private const float Focal = 0.78f * 640f;

    [Fact]
    public void Same_seed_renders_identical_bytes()
    {
        var options = new SyntheticSceneOptions("urban-rain", 7, 4);
        Assert.Equal(Digest(SyntheticScene.Render(options)), Digest(SyntheticScene.Render(options)));
    }

    [Fact]
    public void Different_seeds_render_different_clips()
    {
        Assert.NotEqual(
            Digest(SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 1, 2))),
            Digest(SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 2, 2))));
    }

    [Fact]
    public void Renders_requested_frames_with_timestamps_at_the_frame_rate()
    {
        var frames = SyntheticScene.Render(new SyntheticSceneOptions("highway", 1, 3, FrameRateHz: 20)).ToList();
        Assert.Equal(new long[] { 0, 1, 2 }, frames.Select(f => f.Index));
        Assert.Equal(new long[] { 0, 50_000_000, 100_000_000 }, frames.Select(f => f.TimestampNs));
        Assert.All(frames, f => Assert.Equal((640, 384, 640 * 3, PixelFormat.Rgb8, 640 * 384 * 3), (f.Image.Width, f.Image.Height, f.Image.Stride, f.Image.Format, f.Image.Pixels.Length)));
    }

    [Fact]
    public void Streams_lazily_so_clip_length_does_not_matter()
    {
        var first = SyntheticScene.Render(new SyntheticSceneOptions("crowd", 1, int.MaxValue)).Take(2).ToList();
        Assert.Equal(2, first.Count);
    }

    [Theory]
    [InlineData("urban-day")]
    [InlineData("crowd")]
    [InlineData("highway")]
    public void Truth_boxes_lie_in_the_image_with_valid_attributes(string scene)
    {
        var truth = SyntheticScene.Render(new SyntheticSceneOptions(scene, 5, 10)).SelectMany(f => f.Truth).ToList();
        Assert.NotEmpty(truth);
        Assert.All(truth, t =>
        {
            Assert.InRange(t.ClassId, 0, 2);
            Assert.True(t.X >= 0 && t.Y >= 0 && t.X + t.Width <= 640.001f && t.Y + t.Height <= 384.001f && t.Width > 0 && t.Height > 0);
            Assert.InRange(t.Occlusion, 0f, 1f);
            // Less than 20% visible is an ignore region (Caltech / CityPersons lower visibility bound, docs/clips.md).
            Assert.Equal(t.Occlusion > 0.8f, t.Ignore);
            Assert.InRange(t.RangeMeters!.Value, 1f, 100f);
            Assert.NotNull(t.Box3D);
        });
    }

    [Fact]
    public void Scene_kinds_have_their_populations()
    {
        var crowd = SyntheticScene.Render(new SyntheticSceneOptions("crowd", 5, 5)).SelectMany(f => f.Truth).ToList();
        var highway = SyntheticScene.Render(new SyntheticSceneOptions("highway", 5, 5)).SelectMany(f => f.Truth).ToList();
        Assert.True(crowd.Count(t => t.ClassId == 1) > crowd.Count(t => t.ClassId != 1));
        Assert.All(highway, t => Assert.Equal(0, t.ClassId));
        Assert.True(highway.Min(t => t.RangeMeters!.Value) > 10f);
    }

    [Fact]
    public void Box_height_follows_the_pinhole_projection_of_object_height_over_distance()
    {
        // An unclipped box is as tall as the object's height seen at its nearest face: h_px = f * H / x_near.
        var boxes = SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 3, 10)).SelectMany(f => f.Truth)
            .Where(t => t.Y > 0.5f && t.Y + t.Height < 383.5f && t.X > 0.5f && t.X + t.Width < 639.5f)
            .ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, t =>
        {
            var box = t.Box3D!;
            var extentX = (MathF.Abs(MathF.Cos(box.Yaw)) * box.Length) + (MathF.Abs(MathF.Sin(box.Yaw)) * box.Width);
            var nearX = box.CenterX - (extentX / 2f);
            Assert.Equal(box.Height, t.Height * nearX / Focal, 0.05f);
        });
    }

    [Fact]
    public void Occlusion_only_where_a_nearer_object_overlaps()
    {
        var frames = SyntheticScene.Render(new SyntheticSceneOptions("crowd", 9, 10)).ToList();
        var occluded = 0;
        foreach (var frame in frames)
        {
            foreach (var t in frame.Truth.Where(t => t.Occlusion > 0f))
            {
                occluded++;
                Assert.Contains(frame.Truth, other => other.Box3D!.CenterX < t.Box3D!.CenterX && Overlaps(other, t));
            }
        }

        Assert.True(occluded > 0);
    }

    [Fact]
    public void Night_is_darker_than_day_and_rain_differs_from_day()
    {
        var day = SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 4, 1)).Single();
        var night = SyntheticScene.Render(new SyntheticSceneOptions("urban-night", 4, 1)).Single();
        var rain = SyntheticScene.Render(new SyntheticSceneOptions("urban-rain", 4, 1)).Single();
        Assert.True(Mean(night) < Mean(day) * 0.5);
        Assert.Equal(day.Truth.Select(t => (t.ClassId, t.TrackId)), rain.Truth.Select(t => (t.ClassId, t.TrackId)));
        Assert.False(day.Image.Pixels.Span.SequenceEqual(rain.Image.Pixels.Span));
    }

    [Fact]
    public void Lidar_returns_lie_on_the_ground_or_on_an_object_box()
    {
        var frame = SyntheticScene.Render(new SyntheticSceneOptions("urban-day", 2, 1)).Single();
        var points = frame.Lidar!.Points.Span;
        Assert.True(frame.Lidar.Count > 1000);
        var onObjects = 0;
        for (var i = 0; i < points.Length; i += 4)
        {
            var (x, y, z) = (points[i], points[i + 1], points[i + 2]);
            if (MathF.Abs(z) < 1e-3f || MathF.Abs(MathF.Atan2(y, x)) > 0.5f)
            {
                continue;
            }

            onObjects++;
            Assert.Contains(frame.Truth, t => Inside(t.Box3D!, x, y, z));
        }

        Assert.True(onObjects > 10);
    }

    private static bool Inside(Box3D box, float x, float y, float z)
    {
        var sideways = MathF.Abs(MathF.Sin(box.Yaw)) > 0.5f;
        var extentX = sideways ? box.Width : box.Length;
        var extentY = sideways ? box.Length : box.Width;
        const float Tolerance = 0.01f;
        return MathF.Abs(x - box.CenterX) <= (extentX / 2) + Tolerance
            && MathF.Abs(y - box.CenterY) <= (extentY / 2) + Tolerance
            && MathF.Abs(z - box.CenterZ) <= (box.Height / 2) + Tolerance;
    }

    private static bool Overlaps(TruthBox a, TruthBox b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static double Mean(Frame frame)
    {
        long sum = 0;
        foreach (var value in frame.Image.Pixels.Span)
        {
            sum += value;
        }

        return sum / (double)frame.Image.Pixels.Length;
    }

    private static string Digest(IEnumerable<Frame> frames)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var frame in frames)
        {
            hash.AppendData(frame.Image.Pixels.Span);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(frame.Lidar!.Points.Span));
            foreach (var t in frame.Truth)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(t.ToString()));
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
