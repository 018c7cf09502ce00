using System.Globalization;

namespace Harness.Metrics.Coco;

/// <summary>Which object of a COCO file a problem is in (<c>annotations[3]</c>, or <c>[3]</c> of a results array), written only for a message.</summary>
internal readonly record struct CocoPlace(string Array, int Index)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Array}[{Index}]");
}
