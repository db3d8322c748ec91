namespace TM.Grpc.Tests.Infrastructure;

/// <summary>HTTPS with a self-signed certificate; HTTP/1.1 and HTTP/2 negotiated by ALPN.</summary>
public sealed class TlsServer : GrpcTestServer
{
    protected override bool UseTls => true;
}
