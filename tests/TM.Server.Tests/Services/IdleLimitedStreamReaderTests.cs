using Grpc.Core;
using TM.Server.Services;

namespace TM.Server.Tests.Services;

public sealed class IdleLimitedStreamReaderTests
{
    [Fact]
    public async Task A_stream_that_stalls_past_the_limit_ends_with_deadline_exceeded()
    {
        var reader = new IdleLimitedStreamReader<string>(new StalledReader(), TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAsync<RpcException>(() => reader.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("No message arrived for", error.Status.Detail);
    }

    [Fact]
    public async Task A_call_cancelled_by_its_client_is_not_taken_for_a_stall()
    {
        using var cancelled = new CancellationTokenSource();
        var reader = new IdleLimitedStreamReader<string>(new StalledReader(), TimeSpan.FromMinutes(1));

        var reading = reader.MoveNext(cancelled.Token);
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    // A client that opened the stream and sends nothing.
    private sealed class StalledReader : IAsyncStreamReader<string>
    {
        public string Current => "";

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return false;
        }
    }
}
