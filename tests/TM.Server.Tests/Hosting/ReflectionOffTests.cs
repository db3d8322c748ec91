using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace TM.Server.Tests.Hosting;

/// <summary>A server started with <c>--reflection false</c> does not describe its API.</summary>
public sealed class ReflectionOffTests(ReflectionOffTests.Server server) : IClassFixture<ReflectionOffTests.Server>
{
    [Fact]
    public async Task Reflection_turned_off_is_unimplemented()
    {
        using var call = new ServerReflection.ServerReflectionClient(server.Channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));

        // The server may answer UNIMPLEMENTED before the request is written: the error then surfaces on the write
        // rather than on the read (seen once in CI).
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    public sealed class Server : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--reflection", "false", "--no-seeds", "true"];
    }
}
