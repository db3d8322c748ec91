namespace TM.Grpc;

/// <summary>
/// The status codes of a gRPC call, with the numeric values of the gRPC wire protocol
/// (grpc/doc/statuscodes.md).
/// </summary>
public enum StatusCode
{
    /// <summary>Not an error; returned on success.</summary>
    OK = 0,

    /// <summary>The operation was cancelled, typically by the caller.</summary>
    Cancelled = 1,

    /// <summary>Unknown error, for example an exception the server did not map to a status.</summary>
    Unknown = 2,

    /// <summary>The client specified an invalid argument, independent of the state of the system.</summary>
    InvalidArgument = 3,

    /// <summary>The deadline expired before the operation could complete.</summary>
    DeadlineExceeded = 4,

    /// <summary>Some requested entity was not found.</summary>
    NotFound = 5,

    /// <summary>The entity that a client attempted to create already exists.</summary>
    AlreadyExists = 6,

    /// <summary>The caller does not have permission to execute the operation.</summary>
    PermissionDenied = 7,

    /// <summary>Some resource has been exhausted, for example a message size limit.</summary>
    ResourceExhausted = 8,

    /// <summary>The system is not in a state required for the operation's execution.</summary>
    FailedPrecondition = 9,

    /// <summary>The operation was aborted, typically because of a concurrency conflict.</summary>
    Aborted = 10,

    /// <summary>The operation was attempted past the valid range.</summary>
    OutOfRange = 11,

    /// <summary>The operation is not implemented or not supported by the server.</summary>
    Unimplemented = 12,

    /// <summary>An invariant expected by the underlying system has been broken.</summary>
    Internal = 13,

    /// <summary>The service is currently unavailable; retrying may succeed.</summary>
    Unavailable = 14,

    /// <summary>Unrecoverable data loss or corruption.</summary>
    DataLoss = 15,

    /// <summary>The request does not have valid authentication credentials.</summary>
    Unauthenticated = 16,
}
