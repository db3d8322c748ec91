using System.Globalization;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TM.Server.Services;

/// <summary>
/// Writes a status for a request that never reached a service method (refused by authentication or authorization, or
/// whose message could not be read): as gRPC does, a trailers-only response with <c>grpc-status</c> and
/// <c>grpc-message</c>; for the HTTP/JSON routes, the HTTP status and the JSON body that JSON transcoding gives errors.
/// </summary>
internal static class StatusResponse
{
    /// <summary>True for a gRPC request (as opposed to an HTTP/JSON one).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Answers the request with <paramref name="code"/> and <paramref name="message"/>; the response must not have started.</summary>
    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        if (IsGrpc(context.Request))
        {
            SetGrpcStatus(response, code, message);
            return Task.CompletedTask;
        }
        response.StatusCode = HttpStatusOf(code);
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(JsonSerializer.Serialize(new JsonError((int)code, message, []), JsonOptions));
    }

    /// <summary>Sets a trailers-only gRPC response's status (HTTP 200, the status in the headers).</summary>
    public static void SetGrpcStatus(HttpResponse response, StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
    }

    // grpc-message is percent-encoded UTF-8: printable ASCII but '%' as is, every other byte as %XX (gRPC over HTTP/2 spec).
    private static string PercentEncode(string message)
    {
        var encoded = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    // Messages quote `Bearer <key>`: readable in a terminal, and safe, since this JSON is never put into HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // As JSON transcoding maps statuses (Google's API mapping), for the codes this class writes.
    private static int HttpStatusOf(StatusCode code) => code switch
    {
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    // The shape of JSON transcoding's error body, so a script reads every error the same way.
    private sealed record JsonError(
        [property: System.Text.Json.Serialization.JsonPropertyName("code")] int Code,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
        [property: System.Text.Json.Serialization.JsonPropertyName("details")] object[] Details);
}
