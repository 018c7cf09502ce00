using System.Text;
using Harness.Clips;
using Harness.Clips.Mcap;
using Harness.Clips.Messages;
using Harness.Scenarios;

namespace Harness.Fuzz;

/// <summary>
/// The fuzzed entry points. Each reads one input the way the harness reads a file of that kind; the reader's
/// documented format exception is the expected answer to bad input, and anything else that escapes (an
/// IndexOutOfRangeException, an OutOfMemoryException, a stack overflow) is a crash the fuzzer reports. The unit tests
/// run these same methods over a fixed corpus and its seeded mutations.
/// </summary>
public static class FuzzTargets
{
    /// <summary>File name the inputs carry in error messages.</summary>
    public const string McapName = "fuzz.mcap";

    public const string ScenarioName = "fuzz.yaml";

    /// <summary>
    /// Opens the bytes as an MCAP file, reads every attachment, metadata record and message, and decodes each message
    /// whose schema the replay reads (images, truth, lidar). <see cref="ClipFormatException"/> (the file) and
    /// <see cref="MessageFormatException"/> (one message) are expected.
    /// </summary>
    public static void Mcap(ReadOnlySpan<byte> data)
    {
        try
        {
            using var reader = new McapReader(new MemoryStream(data.ToArray(), writable: false), McapName);
            _ = reader.ReadAttachments().Sum(attachment => attachment.Data.Length);
            _ = reader.ReadMetadata().Sum(metadata => metadata.Values.Count);
            foreach (var message in reader.ReadMessages())
            {
                try
                {
                    Decode(message);
                }
                catch (MessageFormatException)
                {
                }
            }
        }
        catch (ClipFormatException)
        {
        }
    }

    private static void Decode(McapMessage message)
    {
        switch (message.Schema?.Name)
        {
            case RawImageMessage.SchemaName:
                _ = RawImageMessage.Decode(message.Data).ToCameraImage();
                break;
            case TruthBoxesMessage.SchemaName:
                _ = TruthBoxesMessage.Decode(message.Data);
                break;
            case PointCloudMessage.SchemaName:
                _ = PointCloudMessage.Decode(message.Data).ToLidarScan();
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Loads the bytes (as UTF-8, invalid sequences replaced) as a scenario file and as a suite's gate defaults file.
    /// <see cref="ScenarioValidationException"/> is expected.
    /// </summary>
    public static void Scenario(ReadOnlySpan<byte> data)
    {
        var yaml = Encoding.UTF8.GetString(data);
        try
        {
            ScenarioLoader.Parse(yaml, ScenarioName);
        }
        catch (ScenarioValidationException)
        {
        }

        try
        {
            GateDefaultsLoader.Parse(yaml, ScenarioName);
        }
        catch (ScenarioValidationException)
        {
        }
    }
}
