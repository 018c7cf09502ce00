namespace Harness.Clips;

/// <summary>
/// How a recording names its frames and categories itself (a COCO file's image and category ids, a KITTI folder's
/// image files), so an export speaks the ids its owner's tools use. <see cref="Frames"/> is in frame-index order;
/// <see cref="Format"/> says whose names these are ("coco", "kitti").
/// </summary>
internal sealed record ClipIndex(string Format, IReadOnlyList<IndexedFrame> Frames, IReadOnlyList<IndexedCategory> Categories);

/// <summary>A frame's id and its source as the recording names it (a file name relative to the recording).</summary>
internal readonly record struct IndexedFrame(long Id, string Name);

/// <summary>A category's id and name as the recording lists it.</summary>
internal readonly record struct IndexedCategory(long Id, string Name);
