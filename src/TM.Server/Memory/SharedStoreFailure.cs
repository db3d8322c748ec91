using System.Net.Sockets;
using Npgsql;

namespace TM.Server.Memory;

/// <summary>Tells an outage of the shared database (stopped, restarting, unreachable) from an error in a call.</summary>
internal static class SharedStoreFailure
{
    /// <summary>The message clients get for a write (or a read that needs the database) during an outage.</summary>
    public const string Message =
        "The shared database (PostgreSQL) cannot be reached, so this server cannot store or read changes right now; " +
        "lookups and concordance go on from its indexes. Nothing of this call was acknowledged: retry it when the server's " +
        "health is SERVING again (imports skip pairs already stored, and an edit that did land answers with a version conflict).";

    /// <summary>
    /// True for a failure to reach the database rather than a failure of what was asked: Npgsql's transient errors
    /// (connection refused or broken, the server shutting down or starting up), and Npgsql's errors over a broken socket.
    /// </summary>
    public static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
                return true;
            if (e is NpgsqlException { InnerException: IOException or SocketException or TimeoutException })
                return true;
        }
        return false;
    }
}
