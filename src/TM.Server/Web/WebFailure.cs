using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TM.Server.Web;

/// <summary>What a page shows when a call to the service failed: the service's own message, and the HTTP status that matches its gRPC status.</summary>
/// <param name="HttpStatus">The HTTP status the page answers with.</param>
/// <param name="Message">The message, as a gRPC client would read it; never a stack trace (the error boundary keeps those in the log).</param>
public sealed record WebFailure(int HttpStatus, string Message)
{
    /// <summary>The failure of a call that ended with <paramref name="exception"/>.</summary>
    public static WebFailure Of(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new WebFailure(HttpStatusOf(exception.StatusCode), exception.Status.Detail);
    }

    /// <summary>The HTTP status for a gRPC status, as the HTTP/JSON routes answer it (google.rpc mapping).</summary>
    public static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.FailedPrecondition => StatusCodes.Status412PreconditionFailed,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Cancelled => 499,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };
}
