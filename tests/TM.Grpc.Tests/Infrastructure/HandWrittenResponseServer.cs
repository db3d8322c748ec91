using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TM.Grpc.Tests.Infrastructure;

/// <summary>
/// Besides the tester service, endpoints under <c>/raw.Replies/</c> that answer with hand-written responses a
/// correct gRPC server never sends, for checking how TM.Grpc's client copes with each. Call them with
/// <see cref="Method(string)"/>.
/// </summary>
public sealed class HandWrittenResponseServer : GrpcTestServer
{
    public const string ServiceName = "raw.Replies";

    /// <summary>A unary method of <see cref="ServiceName"/> whose messages are raw bytes.</summary>
    public static Method<byte[], byte[]> Method(string name)
        => new(MethodType.Unary, ServiceName, name, Tester.BytesMarshaller, Tester.BytesMarshaller);

    protected override void MapEndpoints(WebApplication app)
    {
        Map(app, "TwoMessages", RawGrpc.Frame("one", "two"), grpcStatus: "0");
        Map(app, "MessageThenNotFound", RawGrpc.Frame("one"), grpcStatus: "5", grpcMessage: "gone");
        Map(app, "NoStatus", RawGrpc.Frame("one"), grpcStatus: null);

        // The frame header announces 10 bytes; 3 follow.
        Map(app, "Truncated", [0, 0, 0, 0, 10, .. "abc"u8], grpcStatus: "0");

        // The compressed flag is set, but no grpc-encoding header says how.
        Map(app, "CompressedWithoutEncoding", RawGrpc.Frame((Encoding.UTF8.GetBytes("one"), true)), grpcStatus: "0");

        app.MapPost($"/{ServiceName}/Unavailable", (HttpContext context) => context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable);
    }

    private static void Map(WebApplication app, string name, byte[] body, string? grpcStatus, string? grpcMessage = null)
        => app.MapPost($"/{ServiceName}/{name}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(body);
            if (grpcStatus is not null)
            {
                context.Response.AppendTrailer("grpc-status", grpcStatus);
            }

            if (grpcMessage is not null)
            {
                context.Response.AppendTrailer("grpc-message", grpcMessage);
            }
        });
}
