namespace Harness.Tests.Clips.Messages;

/// <summary>A message as <see cref="SchemaDecoder"/> read it: each field's values by field name, in wire order.</summary>
internal sealed record DecodedMessage(string TypeName, IReadOnlyDictionary<string, IReadOnlyList<object>> Fields)
{
    public IReadOnlyList<object> All(string field) => Fields.TryGetValue(field, out var values) ? values : [];

    public IReadOnlyList<DecodedMessage> Messages(string field) => [.. All(field).Cast<DecodedMessage>()];

    public DecodedMessage Message(string field) => (DecodedMessage)Assert.Single(All(field));

    /// <summary>A singular field's value; proto3 leaves a field at its default off the wire, hence <paramref name="absent"/>.</summary>
    public T Value<T>(string field, T absent) => All(field) is [var value] ? (T)value : All(field).Count == 0 ? absent : throw new InvalidOperationException($"{TypeName}.{field} occurs {All(field).Count} times");
}
