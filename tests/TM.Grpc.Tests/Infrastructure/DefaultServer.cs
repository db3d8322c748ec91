namespace TM.Grpc.Tests.Infrastructure;

/// <summary>Default options: 4 MB receive limit, no send limit, no response compression, no detailed errors.</summary>
public sealed class DefaultServer : GrpcTestServer
{
}
