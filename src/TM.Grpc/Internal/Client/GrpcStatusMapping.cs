using System.Net;

namespace TM.Grpc.Internal.Client;

/// <summary>
/// What a client reports when a response carries no grpc-status: the HTTP status table of
/// grpc/doc/http-grpc-status-mapping.md and the HTTP/2 error-code table of PROTOCOL-HTTP2.md.
/// </summary>
internal static class GrpcStatusMapping
{
    public static StatusCode FromHttpStatus(HttpStatusCode httpStatusCode) => (int)httpStatusCode switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable,          // REFUSED_STREAM: the server did not start the call; safe to retry
        0x8 => StatusCode.Cancelled,            // CANCEL
        0xB => StatusCode.ResourceExhausted,    // ENHANCE_YOUR_CALM
        0xC => StatusCode.PermissionDenied,     // INADEQUATE_SECURITY
        _ => StatusCode.Internal,               // NO_ERROR without a status, PROTOCOL_ERROR, INTERNAL_ERROR, ...
    };
}
