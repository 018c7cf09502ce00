namespace Harness.Models;

/// <summary>Per-anchor constants of the reference detector, in the order the graph concatenates its anchor blocks.</summary>
internal sealed record AnchorLayout(float[] Boxes, float[] ClassMask)
{
    public static AnchorLayout Create(IReadOnlyList<AnchorBlock> blocks, ReferenceDetectorParameters parameters, int count)
    {
        var boxes = new float[4 * count];
        var mask = new float[ReferenceDetectorGraph.ClassCount * count];
        var n = 0;
        foreach (var block in blocks)
        {
            var width = block.BoxWidth * block.Level * parameters.BoxScale;
            var height = block.BoxHeight * block.Level * parameters.BoxScale;
            for (var row = 0; row < block.Rows(ReferenceDetectorGraph.InputHeight); row++)
            {
                var cy = (AnchorBlock.Center(row, block.TemplateHeight, block.StrideY) * block.Level) + (parameters.BoxShiftY * height);
                for (var column = 0; column < block.Columns(ReferenceDetectorGraph.InputWidth); column++)
                {
                    boxes[n] = (AnchorBlock.Center(column, block.TemplateWidth, block.StrideX) * block.Level) + (parameters.BoxShiftX * width);
                    boxes[count + n] = cy;
                    boxes[(2 * count) + n] = width;
                    boxes[(3 * count) + n] = height;
                    mask[(block.ClassId * count) + n] = 1f;
                    n++;
                }
            }
        }

        return new AnchorLayout(boxes, mask);
    }
}
