using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TM.Server.Hosting.Telemetry;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>Listens to one <see cref="ServerMetrics"/>' call duration and keeps each measurement with its tags.</summary>
internal sealed class CallRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public CallRecorder(ServerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "rpc.server.call.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            Calls.Enqueue(new Call((string)Tag(tags, "rpc.method")!, (string)Tag(tags, "rpc.response.status_code")!, seconds)));
        _listener.Start();
    }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public sealed record Call(string Method, string Status, double Seconds);

    public void Dispose() => _listener.Dispose();

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
                return tag.Value;
        }
        return null;
    }
}
