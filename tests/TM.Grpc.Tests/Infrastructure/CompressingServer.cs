namespace TM.Grpc.Tests.Infrastructure;

/// <summary>gzip-compressed responses.</summary>
public sealed class CompressingServer : GrpcTestServer
{
    protected override void ConfigureGrpc(GrpcServiceOptions options) => options.ResponseCompressionAlgorithm = "gzip";
}
