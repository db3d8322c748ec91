namespace TM.Grpc.Tests.Infrastructure;

/// <summary>
/// Base of the tests against real servers: after each test, fails it if a server logged a warning or
/// error the test did not provoke (xunit runs a class's tests one at a time, so the entries are its own).
/// </summary>
public abstract class ServerTest : IDisposable
{
    private readonly (GrpcTestServer Server, int FirstEntry)[] _servers;

    protected ServerTest(params GrpcTestServer[] servers)
    {
        _servers = servers.Select(server => (server, server.Logs.Count)).ToArray();
    }

    public void Dispose()
    {
        foreach (var (server, firstEntry) in _servers)
        {
            server.AssertNoUnexpectedLogs(firstEntry);
        }

        GC.SuppressFinalize(this);
    }
}
