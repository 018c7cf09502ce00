namespace Harness.Models;

/// <summary>Conv weights [1, 3, TemplateHeight, TemplateWidth] of one anchor block's class template, gain folded in.</summary>
internal static class TemplateWeights
{
    public static float[] Create(AnchorBlock block, ReferenceDetectorParameters parameters)
    {
        var height = block.TemplateHeight;
        var width = block.TemplateWidth;
        var roles = new AppearanceRole[height * width];
        var inside = new bool[height * width];
        var surroundAt = new bool[height * width];
        var aboveAt = new bool[height * width];
        int positives = 0, negatives = 0, surround = 0, hidden = 0, above = 0;
        var top = (height - block.BoxHeight) * 0.5f;
        var left = (width - block.BoxWidth) * 0.5f;
        var whole = block.Part == AnchorPart.Whole;
        for (var r = 0; r < height; r++)
        {
            var fy = (r + 0.5f - top) / block.BoxHeight;
            for (var c = 0; c < width; c++)
            {
                var fx = (c + 0.5f - left) / block.BoxWidth;
                var i = (r * width) + c;
                inside[i] = fx is >= 0f and < 1f && fy is >= 0f and < 1f;
                if (!inside[i])
                {
                    surroundAt[i] = whole || OccludedTopPart.InSurround(block.ClassId, fy, parameters);
                    surround += surroundAt[i] ? 1 : 0;
                    aboveAt[i] = whole && fy < 0f && fx is >= 0f and < 1f;
                    above += aboveAt[i] ? 1 : 0;
                    continue;
                }

                roles[i] = whole ? ClassAppearance.RoleAt(block.ClassId, fx, fy) : OccludedTopPart.RoleAt(block.ClassId, fx, fy, parameters);
                positives += roles[i] == AppearanceRole.ClassColor ? 1 : 0;
                negatives += roles[i] == AppearanceRole.NotClassColor ? 1 : 0;
                hidden += roles[i] == AppearanceRole.Hidden ? 1 : 0;
            }
        }

        var gain = parameters.Gains[block.ClassId];
        var weights = new float[3 * height * width];
        for (var i = 0; i < roles.Length; i++)
        {
            for (var channel = 0; channel < 3; channel++)
            {
                var own = channel == block.ClassId;
                float weight = (inside[i], roles[i], own) switch
                {
                    (false, _, true) => (surroundAt[i] ? -parameters.SurroundWeight / Math.Max(surround, 1) : 0f) - (aboveAt[i] ? parameters.AboveWeights[block.ClassId] / Math.Max(above, 1) : 0f),
                    (true, AppearanceRole.ClassColor, true) => 1f / Math.Max(positives, 1),
                    (true, AppearanceRole.ClassColor, false) => -parameters.OtherClassWeight / Math.Max(positives, 1),
                    (true, AppearanceRole.NotClassColor, true) => -parameters.InsideNegativeWeight / Math.Max(negatives, 1),
                    (true, AppearanceRole.Hidden, true) => -parameters.HiddenOwnColorWeight / Math.Max(hidden, 1),
                    _ => 0f,
                };
                weights[(channel * height * width) + i] = gain * weight;
            }
        }

        return weights;
    }
}
