using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;
using TM.Protos.V1;

namespace TM.Server.Tests.Functional;

/// <summary>What the server does at the protocol level: health, reflection, unknown methods, deadlines, sizes, compression.</summary>
public sealed class ProtocolTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string SeedSentence = "따라서 휴전 협정은 7월 26일 체결될 수 있었다.";

    [Theory]
    [InlineData("")]
    [InlineData("tm.v1.TranslationMemory")]
    [InlineData("tm.store")]
    [InlineData("tm.index")]
    [InlineData("tm.search")]
    [InlineData("tm.data-directory")]
    public async Task Health_check_reports_serving_for_the_server_its_service_and_each_check(string service)
    {
        var health = new Health.HealthClient(server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Health_check_of_an_unknown_service_is_not_found()
    {
        var health = new Health.HealthClient(server.Channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Health_watch_streams_serving()
    {
        var health = new Health.HealthClient(server.Channel);
        using var call = health.Watch(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));

        // The first answer comes from the periodic publisher, which may still have seen the start.
        var status = HealthCheckResponse.Types.ServingStatus.Unknown;
        while (status != HealthCheckResponse.Types.ServingStatus.Serving && await call.ResponseStream.MoveNext(CancellationToken.None))
            status = call.ResponseStream.Current.Status;

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status);
    }

    [Fact]
    public async Task Reflection_lists_the_services_and_describes_the_translation_memory()
    {
        var reflection = new ServerReflection.ServerReflectionClient(server.Channel);
        using var call = reflection.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "tm.v1.TranslationMemory" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        await call.RequestStream.CompleteAsync();

        Assert.Contains("tm.v1.TranslationMemory", services);
        Assert.Contains("grpc.health.v1.Health", services);
        var contract = Assert.Single(files, f => f.Name == "tm/v1/translation_memory.proto");
        Assert.Contains(contract.Service.Single().Method, m => m.Name == "Lookup");
    }

    [Theory]
    [InlineData("tm.v1.TranslationMemory", "NoSuchMethod")]
    [InlineData("tm.v9.Nothing", "Lookup")]
    public async Task Unknown_method_is_unimplemented(string service, string method)
    {
        var unknown = new Method<LookupRequest, LookupResponse>(MethodType.Unary, service, method, Proto(LookupRequest.Parser), Proto(LookupResponse.Parser));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.CreateCallInvoker().AsyncUnaryCall(unknown, null, new CallOptions(), new LookupRequest { Text = "x" }).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Expired_deadline_is_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.LookupAsync(new LookupRequest { Text = "소련의 정책" }, deadline: DateTime.UtcNow.AddMilliseconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Malformed_request_message_is_invalid_and_the_server_keeps_serving()
    {
        var raw = new Method<byte[], LookupResponse>(MethodType.Unary, TranslationMemory.Descriptor.FullName, "Lookup",
            Marshallers.Create<byte[]>(b => b, b => b), Proto(LookupResponse.Parser));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(), [0x12, 0x7F, 0x01]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("A request message is not valid protobuf:", error.Status.Detail);
        Assert.Equal(100, (await server.Client.LookupAsync(new LookupRequest { Text = SeedSentence })).Matches[0].Score);
    }

    [Fact]
    public async Task Gzip_compressed_requests_are_accepted()
    {
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var response = await server.Client.LookupAsync(new LookupRequest { Text = SeedSentence }, headers);

        Assert.Equal(100, response.Matches[0].Score);
    }

    [Fact]
    public async Task Large_answers_are_gzip_compressed_for_clients_that_accept_gzip_and_lookups_are_not()
    {
        var concordance = await RawCallAsync("Concordance", new ConcordanceRequest { Term = "armistice", MaxResults = 100 });
        var lookup = await RawCallAsync("Lookup", new LookupRequest { Text = SeedSentence });

        Assert.Equal("gzip", concordance.Encoding);
        Assert.Equal(1, concordance.CompressedFlag);
        Assert.Equal(0, lookup.CompressedFlag);
    }

    // One unary call by hand over HTTP/2, announcing gzip: the response's grpc-encoding and its message's compressed flag.
    private async Task<(string? Encoding, byte CompressedFlag)> RawCallAsync(string method, IMessage message)
    {
        using var http = new HttpClient(new SocketsHttpHandler());
        var bytes = message.ToByteArray();
        var frame = new byte[5 + bytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), bytes.Length);
        bytes.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{server.Address}/tm.v1.TranslationMemory/{method}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.True(body.Length > 5, response.ToString());
        return (response.Headers.TryGetValues("grpc-encoding", out var encoding) ? encoding.Single() : null, body[0]);
    }

    [Fact]
    public async Task Json_routes_answer_on_the_grpc_port_over_http2()
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var found = await http.GetStringAsync(server.Address + "/v1/memories/default/lookup?text=" + Uri.EscapeDataString(SeedSentence) + "&max_results=1");
        using var unknown = await http.GetAsync(server.Address + "/v1/memories/nope/lookup?text=x");

        var match = LookupResponse.Parser.WithDiscardUnknownFields(true).ParseJson(found).Matches.Single();
        Assert.Equal(100, match.Score);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("\"code\": 5", (await unknown.Content.ReadAsStringAsync()).Replace("\"code\":5", "\"code\": 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_that_is_down_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress("http://127.0.0.1:1");
        var client = new TranslationMemory.TranslationMemoryClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetStatsAsync(new GetStatsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static Marshaller<T> Proto<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(static message => message.ToByteArray(), parser.ParseFrom);
}
