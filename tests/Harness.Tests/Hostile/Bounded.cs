namespace Harness.Tests.Hostile;

/// <summary>
/// Hang protection for tests that feed hostile input: the work runs on a pool thread and the test fails with a
/// <see cref="TimeoutException"/> when it has not finished by <see cref="Limit"/>, generous enough for a loaded machine.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static Task Run(Action action) => Task.Run(action).WaitAsync(Limit);

    public static Task<T> Run<T>(Func<T> function) => Task.Run(function).WaitAsync(Limit);
}
