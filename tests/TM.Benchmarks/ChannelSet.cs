using Grpc.Net.Client;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>Several channels (HTTP/2 connections) to one server, with a client on each; disposing closes them.</summary>
internal sealed class ChannelSet : IDisposable
{
    private readonly GrpcChannel[] _channels;

    public ChannelSet(ServerProcess server, int count)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        _channels = [.. Enumerable.Range(0, count).Select(_ => GrpcChannel.ForAddress(server.Address))];
        Clients = [.. _channels.Select(channel => new TranslationMemory.TranslationMemoryClient(channel))];
    }

    /// <summary>One client per channel.</summary>
    public TranslationMemory.TranslationMemoryClient[] Clients { get; }

    public void Dispose()
    {
        foreach (var channel in _channels)
            channel.Dispose();
    }
}
