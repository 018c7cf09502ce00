using System.Text;

namespace Harness.Clips.Messages;

/// <summary>
/// Composes ros2msg schema text as ROS 2's recorder stores it: the message's own definition, then each dependency
/// after a line of 80 '=' and a "MSG: package/Type" line.
/// </summary>
internal static class Ros2Schema
{
    private static readonly string Separator = new('=', 80);

    public static string Text(string definition, params (string Type, string Definition)[] dependencies)
    {
        var text = new StringBuilder(definition);
        foreach (var (type, body) in dependencies)
        {
            text.Append(Separator).Append("\nMSG: ").Append(type).Append('\n').Append(body);
        }

        return text.ToString();
    }
}
