namespace Harness.Models;

/// <summary>
/// Per-anchor constants of the reference detector, in the order the graph concatenates its anchor blocks, each [1, 2, N]
/// (x row then y row) unless said otherwise. With s the colour spread (standard deviation) and m the centroid of an
/// anchor's window, <see cref="BoxRegression"/> decodes size = s * SizeScale + swap(s) * CrossScale (a part anchor
/// takes its height from the horizontal spread) and centre = m + size * CentreShift + s * SpreadShift (a part
/// anchor places its box from the top of the visible colour). AnchorSize is the anchor's own box size in input pixels,
/// WindowArea ([1, 1, N]) the area of its template window in input pixels, MinimumFill ([1, 1, N]) the least share of
/// its decoded box the class colour must cover (0: no bound), and ClassMask the one-hot class of each anchor ([1, C, N]).
/// </summary>
internal sealed record AnchorLayout(float[] SizeScale, float[] CrossScale, float[] CentreShift, float[] SpreadShift, float[] AnchorSize, float[] WindowArea, float[] MinimumFill, float[] ClassMask)
{
    public static AnchorLayout Create(IReadOnlyList<AnchorBlock> blocks, ReferenceDetectorParameters parameters, int count)
    {
        var scale = new float[2 * count];
        var cross = new float[2 * count];
        var shift = new float[2 * count];
        var spreadShift = new float[2 * count];
        var size = new float[2 * count];
        var area = new float[count];
        var minimumFill = new float[count];
        var mask = new float[ReferenceDetectorGraph.ClassCount * count];
        var n = 0;
        foreach (var block in blocks)
        {
            var anchors = block.Rows(ReferenceDetectorGraph.InputHeight) * block.Columns(ReferenceDetectorGraph.InputWidth);
            var classId = block.ClassId;
            for (var i = 0; i < anchors; i++)
            {
                shift[n] = parameters.BoxShiftX;
                if (block.Part == AnchorPart.Whole)
                {
                    scale[n] = parameters.SpreadToWidth[classId] * parameters.BoxScale;
                    scale[count + n] = parameters.SpreadToHeight[classId] * parameters.BoxScale;
                    shift[count + n] = parameters.CentroidToCentreY[classId] + parameters.BoxShiftY;
                }
                else
                {
                    scale[n] = parameters.TopPartSpreadToWidth[classId] * parameters.BoxScale;
                    cross[count + n] = parameters.TopPartSpreadToWidth[classId] / block.Aspect * parameters.BoxScale;
                    shift[count + n] = 0.5f + parameters.BoxShiftY;
                    spreadShift[count + n] = -parameters.TopPartSpreadToTop[classId];
                }

                area[n] = block.TemplateWidth * block.TemplateHeight * block.Level * block.Level;
                minimumFill[n] = block.Part == AnchorPart.Whole ? parameters.MinimumFill[classId] : 0f;
                size[n] = block.BoxWidth * block.Level;
                size[count + n] = block.BoxHeight * block.Level;
                mask[(classId * count) + n] = 1f;
                n++;
            }
        }

        return new AnchorLayout(scale, cross, shift, spreadShift, size, area, minimumFill, mask);
    }
}
