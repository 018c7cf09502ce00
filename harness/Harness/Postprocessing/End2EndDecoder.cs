namespace Harness.Postprocessing;

/// <summary>Reads the valid slots of an already-suppressed output, keeping those above the score threshold.</summary>
internal static class End2EndDecoder
{
    public static void Decode(ModelOutputs outputs, int valid, float threshold, Candidates candidates)
    {
        var boxes = outputs[0].Data;
        var scores = outputs[1].Data;
        var classes = outputs[2].Data;
        for (var i = 0; i < valid; i++)
        {
            if (scores[i] > threshold)
            {
                var box = boxes.Slice(i * 4, 4);
                candidates.Add(box[0], box[1], box[2], box[3], scores[i], (int)classes[i]);
            }
        }
    }
}
