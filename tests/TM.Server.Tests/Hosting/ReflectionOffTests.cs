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
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    public sealed class Server : ServerFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--reflection", "false", "--no-seeds", "true"];
    }
}
