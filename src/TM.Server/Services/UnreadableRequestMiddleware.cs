using System.Text;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace TM.Server.Services;

/// <summary>
/// INVALID_ARGUMENT for a unary or server-streaming request message that is not valid protobuf (cut short, or a string
/// field holding invalid UTF-8, which proto3 forbids). grpc-dotnet reads those messages before any interceptor runs and
/// answers UNKNOWN "Exception was thrown by handler." for them, as for a crash; streamed requests are read inside the
/// handler, where <see cref="ErrorBoundaryInterceptor"/> maps the same exception.
/// </summary>
/// <remarks>
/// A request that fails this early has had nothing written for it: grpc-dotnet puts its status in the response headers
/// (a trailers-only response), which are sent when the pipeline returns. So after the endpoint has run, this rewrites
/// that status when the call's status says the cause was an unreadable message, and leaves every other response alone.
/// </remarks>
internal sealed class UnreadableRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted
            || context.Features.Get<IServerCallContextFeature>()?.ServerCallContext.Status is not { StatusCode: StatusCode.Unknown, DebugException: InvalidProtocolBufferException unreadable })
        {
            return;
        }
        context.Response.Headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncode(ErrorBoundaryInterceptor.Unreadable(unreadable));
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
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
