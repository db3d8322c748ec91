namespace TM.Grpc.Tests.Infrastructure;

/// <summary>Default options: 4 MB receive limit, no send limit, no response compression, no detailed errors.</summary>
public sealed class DefaultServer : GrpcTestServer
{
}

/// <summary>Small message limits and detailed errors.</summary>
public sealed class LimitedServer : GrpcTestServer
{
    public const int Limit = 1024;

    protected override void ConfigureGrpc(GrpcServiceOptions options)
    {
        options.MaxReceiveMessageSize = Limit;
        options.MaxSendMessageSize = Limit;
        options.EnableDetailedErrors = true;
    }
}

/// <summary>gzip-compressed responses.</summary>
public sealed class CompressingServer : GrpcTestServer
{
    protected override void ConfigureGrpc(GrpcServiceOptions options) => options.ResponseCompressionAlgorithm = "gzip";
}

/// <summary>For deadline and cancellation tests, whose handlers share state.</summary>
public sealed class DeadlineServer : GrpcTestServer
{
}

/// <summary>HTTPS with a self-signed certificate; HTTP/1.1 and HTTP/2 negotiated by ALPN.</summary>
public sealed class TlsServer : GrpcTestServer
{
    protected override bool UseTls => true;
}
