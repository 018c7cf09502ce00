namespace Harness.Running;

/// <summary>
/// Models built from code behind a URI scheme (<c>reference://detector-v1</c>), so a scenario needs no model file.
/// Registered by the host in <see cref="ModelGenerators"/>; Core itself knows no scheme.
/// </summary>
internal interface IModelGenerator
{
    /// <summary>The URI prefix this generator answers, e.g. <c>reference://</c>.</summary>
    string Scheme { get; }

    IReadOnlyList<string> Names { get; }

    /// <summary>The ONNX bytes of model <paramref name="name"/>, one of <see cref="Names"/>.</summary>
    byte[] Build(string name);
}
