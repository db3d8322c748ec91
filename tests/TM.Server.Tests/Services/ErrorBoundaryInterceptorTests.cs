using Grpc.Core;
using Microsoft.Extensions.Logging;
using TM.Interchange;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Server.Services;
using TM.Text;

namespace TM.Server.Tests.Services;

public sealed class ErrorBoundaryInterceptorTests
{
    private const string Method = "/tm.v1.TranslationMemory/Lookup";

    public static TheoryData<Exception, StatusCode> DomainErrors => new()
    {
        { new DocumentException("The document holds Korean only.", 3), StatusCode.InvalidArgument },
        { new InterchangeFormatException("The <tu> is not closed.", "a.tmx", 12, 4), StatusCode.InvalidArgument },
        { new ImportInputException("Not the file import 7 was reading."), StatusCode.InvalidArgument },
        { new ArgumentException("The query has nothing to match."), StatusCode.InvalidArgument },
        { new UnknownMemoryException("nope", ["default"]), StatusCode.NotFound },
        { new UnknownImportException(42), StatusCode.NotFound },
        { new ImportStateException("Import 7 is complete."), StatusCode.FailedPrecondition },
        { new SegmentExportException("Segment 3 cannot be written as TMX.", new FormatException()), StatusCode.FailedPrecondition },
        { new ImportStoppedException("The server is shutting down."), StatusCode.Unavailable },
    };

    [Theory]
    [MemberData(nameof(DomainErrors))]
    public async Task Domain_errors_become_their_status_with_their_message(Exception exception, StatusCode expected)
    {
        var interceptor = new ErrorBoundaryInterceptor(new ListLogger<ErrorBoundaryInterceptor>());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<string, string>("x", new TestServerCallContext(Method), (_, _) => throw exception));

        Assert.Equal(expected, error.StatusCode);
        Assert.Equal(exception.Message, error.Status.Detail);
    }

    [Fact]
    public async Task Argument_errors_lose_the_parameter_name_clients_cannot_use()
    {
        var interceptor = new ErrorBoundaryInterceptor(new ListLogger<ErrorBoundaryInterceptor>());

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "x", new TestServerCallContext(Method), (_, _) => throw new ArgumentException("The query has nothing to match.", "query")));

        Assert.Equal("The query has nothing to match.", error.Status.Detail);
    }

    [Fact]
    public async Task Unexpected_errors_are_internal_with_an_id_the_log_repeats_and_no_detail()
    {
        var logger = new ListLogger<ErrorBoundaryInterceptor>();
        var interceptor = new ErrorBoundaryInterceptor(logger);

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<string, string>(
            "x", null!, new TestServerCallContext("/tm.v1.TranslationMemory/ExportTmx"), (_, _, _) => throw new InvalidOperationException("Secret internal detail")));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("Secret", error.Status.Detail);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Secret internal detail", entry.Exception?.Message);
        Assert.Contains("/tm.v1.TranslationMemory/ExportTmx", entry.Message);
        var id = entry.Message.Split("error id ")[1].TrimEnd('.');
        Assert.Contains($"id {id}", error.Status.Detail);
    }

    [Fact]
    public async Task A_null_argument_is_internal_never_the_clients_fault()
    {
        var interceptor = new ErrorBoundaryInterceptor(new ListLogger<ErrorBoundaryInterceptor>());

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.ClientStreamingServerHandler<string, string>(
            null!, new TestServerCallContext(Method), (_, _) => throw new ArgumentNullException("pairs")));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Statuses_pass_through_unchanged()
    {
        var interceptor = new ErrorBoundaryInterceptor(new ListLogger<ErrorBoundaryInterceptor>());
        var status = new Status(StatusCode.InvalidArgument, "max_results is -1.");

        var error = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<string, string>(
            null!, null!, new TestServerCallContext(Method), (_, _, _) => throw new RpcException(status)));

        Assert.Equal(status, error.Status);
    }

    [Fact]
    public async Task Errors_after_the_call_was_cancelled_are_left_to_grpc()
    {
        var interceptor = new ErrorBoundaryInterceptor(new ListLogger<ErrorBoundaryInterceptor>());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<IOException>(() => interceptor.UnaryServerHandler<string, string>(
            "x", new TestServerCallContext(Method, cancelled.Token), (_, _) => throw new IOException("The client reset the stream.")));
    }
}
