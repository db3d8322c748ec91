using Microsoft.Extensions.Logging;
using TM.Grpc.Tests.Infrastructure;

namespace TM.Grpc.Tests;

public class ErrorMappingTests : ServerTest, IClassFixture<DefaultServer>
{
    private readonly DefaultServer _server;

    public ErrorMappingTests(DefaultServer server)
        : base(server)
    {
        _server = server;
    }

    [Fact]
    public async Task RpcException_from_a_handler_reaches_the_client_with_status_and_trailers()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.Fail, "rpc"));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("No entry for '번역' (100% sure).", ex.Status.Detail);
        Assert.Equal("missing", ex.Trailers.GetValue("x-reason"));
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, ex.Trailers.GetValueBytes("x-data-bin"));
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Unexpected_exception_becomes_unknown_without_details_and_is_logged()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.Fail, "crash-1"));

        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Equal("Exception was thrown by handler.", ex.Status.Detail);
        var entry = Assert.Single(_server.Logs.Snapshot(), e => e.Exception?.Message == "Secret internal detail: crash-1");
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("ErrorExecutingServiceMethod", entry.EventId.Name);
        Assert.Contains("/grpc.testing.Tester/Fail", entry.Message);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Status_set_by_the_handler_is_sent_instead_of_ok()
    {
        using var channel = _server.CreateChannel();
        using var call = new Tester.TesterClient(channel).CallAsync(Tester.Fail, "status");

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(new Status(StatusCode.FailedPrecondition, "Set by the handler."), ex.Status);
        Assert.Equal(ex.Status, call.GetStatus());
    }

    [Fact]
    public async Task Handler_returning_null_is_an_internal_error()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.Fail, "null"));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Malformed_request_message_is_invalid_argument()
    {
        using var channel = _server.CreateChannel();
        var rawEcho = new Method<byte[], string>(MethodType.Unary, Tester.ServiceName, "Echo", Tester.BytesMarshaller, Tester.StringMarshaller);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await channel.CreateCallInvoker().AsyncUnaryCall(rawEcho, null, default, new byte[] { 0xC3, 0x28, 0xFF }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("Failed to deserialize the request message:", ex.Status.Detail);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Malformed_response_message_is_internal_on_the_client()
    {
        using var channel = _server.CreateChannel();
        var strictBytes = Marshallers.Create<byte[]>(b => b, _ => throw new FormatException("Not a valid message."));
        var echo = new Method<string, byte[]>(MethodType.Unary, Tester.ServiceName, "Echo", Tester.StringMarshaller, strictBytes);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await channel.CreateCallInvoker().AsyncUnaryCall(echo, null, default, "x"));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("Not a valid message.", ex.Status.Detail);
    }

    [Fact]
    public async Task Unknown_method_of_a_known_service_is_unimplemented()
    {
        using var channel = _server.CreateChannel();
        var missing = new Method<string, string>(MethodType.Unary, Tester.ServiceName, "Missing", Tester.StringMarshaller, Tester.StringMarshaller);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(missing, "x"));

        Assert.Equal(new Status(StatusCode.Unimplemented, "Method is unimplemented."), ex.Status);
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Unknown_service_is_unimplemented()
    {
        using var channel = _server.CreateChannel();
        var missing = new Method<string, string>(MethodType.ServerStreaming, "nowhere.Service", "Echo", Tester.StringMarshaller, Tester.StringMarshaller);
        using var call = new Tester.TesterClient(channel).Stream(missing, "x");

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(new Status(StatusCode.Unimplemented, "Service is unimplemented."), ex.Status);
        Assert.Equal(ex.Status, call.GetStatus());
        await _server.AssertStillServesAsync();
    }

    [Fact]
    public async Task Method_left_to_the_generated_base_class_is_unimplemented()
    {
        using var channel = _server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await new Tester.TesterClient(channel).CallAsync(Tester.NotOverridden, "x"));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task Writing_to_a_call_the_server_rejected_reports_the_server_status()
    {
        using var channel = _server.CreateChannel();
        var missing = new Method<string, string>(MethodType.DuplexStreaming, "nowhere.Service", "Chat", Tester.StringMarshaller, Tester.StringMarshaller);
        using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(missing, null, default);

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        var writeEx = await Assert.ThrowsAsync<RpcException>(() => call.RequestStream.WriteAsync("late"));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal(ex.Status, writeEx.Status);
    }
}
