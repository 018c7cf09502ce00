using System.Runtime.CompilerServices;

namespace Harness.Calibration;

/// <summary>Replays recordings and synthetic clips as the harness tool does: its formats and sources are registered first.</summary>
internal static class HostRegistration
{
    [ModuleInitializer]
    internal static void Register() => ReferenceSources.Register();
}
