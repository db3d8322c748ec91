using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>
/// A logger provider that keeps every line with its scopes, for tests that check what a running server logs: add it
/// to the server's <see cref="ILoggerFactory"/> and it sees every category from then on, with the factory's filters.
/// </summary>
internal sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    /// <summary>One line: its category, event, formatted message, structured values, and the scopes around it.</summary>
    public sealed record Entry(
        string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values,
        IReadOnlyList<object?> Scopes, Exception? Exception)
    {
        /// <summary>The value <paramref name="key"/> has in one of the scopes, or null.</summary>
        public object? ScopeValue(string key) =>
            Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).FirstOrDefault(p => p.Key == key).Value;

        /// <summary>Everything the line would show any sink: message, values, scopes (as text and as values), exception.</summary>
        public string AllText() => string.Join("\n",
            [Message, .. Values.Select(v => $"{v.Key}={v.Value}"),
             .. Scopes.Select(s => s?.ToString() ?? ""),
             .. Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).Select(v => $"{v.Key}={v.Value}"),
             Exception?.ToString() ?? ""]);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            capture._scopes.ForEachScope(static (scope, list) => list.Add(scope), scopes);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            capture.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), [.. values], scopes, exception));
        }
    }
}
