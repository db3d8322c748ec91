using System.Collections;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// The logging scope of one call: which method, and who called it (the API key's name, never the key). Every line
/// logged while the call runs (an import's commits and end, an internal error) carries both as properties
/// <c>RpcMethod</c> and <c>Caller</c>; the console shows them as <c>=> tm.v1.TranslationMemory/ImportFile by alice</c>.
/// </summary>
internal sealed class CallLogScope(string method, string caller) : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The caller's name when the call carries none (the server runs without API keys).</summary>
    public const string Anonymous = "anonymous";

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("RpcMethod", method),
        1 => new("Caller", caller),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{method} by {caller}";
}
