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
        StatusResponse.SetGrpcStatus(context.Response, StatusCode.InvalidArgument, ErrorBoundaryInterceptor.Unreadable(unreadable));
    }
}
