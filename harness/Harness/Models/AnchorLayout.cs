namespace Harness.Models;

/// <summary>
/// Per-anchor constants of the reference detector, in the order the graph concatenates its anchor blocks: the box
/// regression's size scale and centre shift and the anchor's own box size in input pixels ([1, 2, N]: x row then y
/// row) and the one-hot class of each anchor
/// ([1, C, N]).
/// </summary>
internal sealed record AnchorLayout(float[] SizeScale, float[] CentreShift, float[] AnchorSize, float[] ClassMask)
{
    public static AnchorLayout Create(IReadOnlyList<AnchorBlock> blocks, ReferenceDetectorParameters parameters, int count)
    {
        var scale = new float[2 * count];
        var shift = new float[2 * count];
        var size = new float[2 * count];
        var mask = new float[ReferenceDetectorGraph.ClassCount * count];
        var n = 0;
        foreach (var block in blocks)
        {
            var anchors = block.Rows(ReferenceDetectorGraph.InputHeight) * block.Columns(ReferenceDetectorGraph.InputWidth);
            for (var i = 0; i < anchors; i++)
            {
                scale[n] = parameters.SpreadToWidth[block.ClassId] * parameters.BoxScale;
                scale[count + n] = parameters.SpreadToHeight[block.ClassId] * parameters.BoxScale;
                shift[n] = parameters.BoxShiftX;
                shift[count + n] = parameters.CentroidToCentreY[block.ClassId] + parameters.BoxShiftY;
                size[n] = block.BoxWidth * block.Level;
                size[count + n] = block.BoxHeight * block.Level;
                mask[(block.ClassId * count) + n] = 1f;
                n++;
            }
        }

        return new AnchorLayout(scale, shift, size, mask);
    }
}
