namespace Harness.Postprocessing.Layouts;

/// <summary>Class ids that a model writes as numbers (end-to-end heads); a value outside the scenario's classes is an error, never a clamp.</summary>
internal static class ClassIds
{
    /// <param name="firstId">The id the model gives the scenario's first class: 0, or 1 for 1-based label maps.</param>
    /// <exception cref="OutputShapeException">The value is not a whole number naming one of <paramref name="classCount"/> classes.</exception>
    public static int Checked(float value, int firstId, int classCount, string layout, int output)
    {
        var id = value - firstId;
        if (id >= 0 && id < classCount && id == MathF.Floor(id))
        {
            return (int)id;
        }

        throw new OutputShapeException(
            $"Layout {layout}: output {output} holds class id {value} but the scenario names {classCount} classes (ids {firstId} to {firstId + classCount - 1}).");
    }
}
