namespace TM.Grpc;

/// <summary>
/// A gRPC call that ended with a status other than <see cref="StatusCode.OK"/>. Servers throw it from
/// handlers to choose the status and trailers sent to the client; clients receive it when a call fails.
/// </summary>
public class RpcException : Exception
{
    /// <summary>Creates an exception for a status, with no trailers.</summary>
    /// <param name="status">The status of the call.</param>
    public RpcException(Status status)
        : this(status, Metadata.Empty, status.ToString(), innerException: null)
    {
    }

    /// <summary>Creates an exception for a status with a custom exception message.</summary>
    /// <param name="status">The status of the call.</param>
    /// <param name="message">The exception message (not sent to the client; the status detail is).</param>
    public RpcException(Status status, string message)
        : this(status, Metadata.Empty, message, innerException: null)
    {
    }

    /// <summary>Creates an exception for a status with trailers.</summary>
    /// <param name="status">The status of the call.</param>
    /// <param name="trailers">The trailers sent to (or received from) the other side.</param>
    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, status.ToString(), innerException: null)
    {
    }

    internal RpcException(Status status, Metadata trailers, string message, Exception? innerException)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    /// <summary>The status of the call.</summary>
    public Status Status { get; }

    /// <summary>The status code of the call, a shortcut for <c>Status.StatusCode</c>.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>The trailers; <see cref="Metadata.Empty"/> when there are none.</summary>
    public Metadata Trailers { get; }
}
