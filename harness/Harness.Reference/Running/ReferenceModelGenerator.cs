using Harness.Models;

namespace Harness.Running;

/// <summary><c>reference://</c> sources: the reference detectors, built from code (<see cref="ReferenceModels"/>).</summary>
internal sealed class ReferenceModelGenerator : IModelGenerator
{
    public string Scheme => ReferenceModels.UriScheme;

    public IReadOnlyList<string> Names => ReferenceModels.Names;

    public byte[] Build(string name) => ReferenceModels.Build(name);
}
