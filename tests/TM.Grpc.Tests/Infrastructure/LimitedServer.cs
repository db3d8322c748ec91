namespace TM.Grpc.Tests.Infrastructure;

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
