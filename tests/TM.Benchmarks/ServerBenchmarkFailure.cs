using Grpc.Core;

namespace TM.Benchmarks;

/// <summary>How the benchmarks that run the server as a child process end: a failure said in one line, and their data removed.</summary>
internal static class ServerBenchmarkFailure
{
    /// <summary>True for what ends such a benchmark without a bug of its own: an error status, a server that exited or did not answer.</summary>
    public static bool IsExpected(Exception e) => e is RpcException or InvalidOperationException;

    /// <summary>Logs why the run failed (with the server's last output for an error status) and returns the exit code 1.</summary>
    public static int Report(Exception e, ServerProcess? server, Action<string> log)
    {
        if (e is RpcException rpc)
        {
            log($"failed: the server answered {rpc.StatusCode}: {rpc.Status.Detail}");
            if (server is not null)
                log($"the server's last output:{Environment.NewLine}{server.Tail()}");
        }
        else
        {
            // The server exited or did not answer in time; the message says which, with the server's output.
            log($"failed: {e.Message}");
        }
        return 1;
    }

    /// <summary>Stops the server if it still runs and deletes the data directory.</summary>
    public static void CleanUp(ServerProcess? server, string dataDirectory, Action<string> log)
    {
        server?.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            log($"could not delete {dataDirectory}");
        }
    }
}
