namespace TM.Grpc.Tests.Infrastructure;

/// <summary>For deadline and cancellation tests, whose handlers share state.</summary>
public sealed class DeadlineServer : GrpcTestServer
{
}
