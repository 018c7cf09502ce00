using Harness.IO;
using Harness.Scenarios;

namespace Harness.Clips;

/// <summary>
/// One clip format the harness replays. <see cref="ClipFormatRegistry"/> asks each in turn whether it recognises a
/// path (by directory shape, extension or first bytes); adding a format is a new implementation and one line there.
/// </summary>
internal interface IClipFormat
{
    /// <summary>What a user points a scenario at, for the error that lists every supported format.</summary>
    string Description { get; }

    bool Recognizes(ClipProbe probe);

    IClipReader Open(string path, ClipSpec clip, ClassMap classes);

    /// <summary>
    /// The clip's identity, the scenario's pin: every byte its reader reads, so a changed recording is named as a
    /// changed clip and never taken for changed code. A file's bytes, or a folder's files, unless the format reads more.
    /// </summary>
    string Hash(string path) => ContentHash.OfPath(path);

    /// <summary>The recording's own frame and category ids, for exports; null where frames are named by topic and time.</summary>
    ClipIndex? Index(string path) => null;
}
