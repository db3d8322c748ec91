using Microsoft.AspNetCore.Http;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// Puts the status of a call on the wire: in the trailers after the response messages, or, when no
/// message was sent, in the one headers frame of a Trailers-Only response (PROTOCOL-HTTP2.md).
/// </summary>
internal static class ResponseStatusWriter
{
    /// <param name="response">The response of the call.</param>
    /// <param name="status">The call's status.</param>
    /// <param name="trailers">Custom trailers to send with the status; <see langword="null"/> for none.</param>
    /// <param name="trailersOnly">Whether no message and no headers were sent, so the status goes in the headers frame.</param>
    public static void WriteStatus(HttpResponse response, Status status, Metadata? trailers, bool trailersOnly)
    {
        if (trailersOnly)
        {
            var headers = response.Headers;
            headers[GrpcProtocolConstants.StatusTrailer] = GrpcProtocolConstants.FormatStatusCode(status.StatusCode);
            if (status.Detail.Length > 0)
            {
                headers[GrpcProtocolConstants.MessageTrailer] = PercentEncoding.Encode(status.Detail);
            }

            if (trailers is not null)
            {
                MetadataHeaders.AddTo(headers, trailers);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocolConstants.StatusTrailer, GrpcProtocolConstants.FormatStatusCode(status.StatusCode));
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocolConstants.MessageTrailer, PercentEncoding.Encode(status.Detail));
        }

        if (trailers is not null)
        {
            MetadataHeaders.AppendTrailers(response, trailers);
        }
    }

    /// <summary>Answers a request that never reaches a handler, with an HTTP status and a gRPC status in one headers frame.</summary>
    public static void WriteRejection(HttpResponse response, int httpStatusCode, Status status)
    {
        response.StatusCode = httpStatusCode;
        response.ContentType = GrpcProtocolConstants.ContentType;
        WriteStatus(response, status, trailers: null, trailersOnly: true);
    }
}
