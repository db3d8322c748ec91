using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// Checks what must hold before a request can be treated as a gRPC call, answering the ones that fail as
/// PROTOCOL-HTTP2.md says: 415 for a non-gRPC content type, 426 for HTTP/1.x, UNIMPLEMENTED for an
/// unknown <c>grpc-encoding</c> (listing the supported ones in <c>grpc-accept-encoding</c>).
/// </summary>
internal static class GrpcRequestValidator
{
    public static bool TryValidate(HttpContext httpContext, ILogger logger)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!GrpcProtocolConstants.IsGrpcContentType(request.ContentType))
        {
            GrpcServerLog.UnsupportedRequestContentType(logger, request.ContentType);
            ResponseStatusWriter.WriteRejection(
                response,
                StatusCodes.Status415UnsupportedMediaType,
                new Status(StatusCode.Internal, $"Content-Type '{request.ContentType}' is not supported."));
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            GrpcServerLog.UnsupportedRequestProtocol(logger, request.Protocol);
            ResponseStatusWriter.WriteRejection(
                response,
                StatusCodes.Status426UpgradeRequired,
                new Status(StatusCode.Internal, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2."));
            return false;
        }

        var encoding = request.Headers[GrpcProtocolConstants.EncodingHeader].ToString();
        if (encoding.Length > 0 && !GrpcProtocolConstants.IsSupportedEncoding(encoding))
        {
            GrpcServerLog.UnsupportedRequestEncoding(logger, encoding);
            response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = GrpcProtocolConstants.SupportedEncodings;
            ResponseStatusWriter.WriteRejection(
                response,
                StatusCodes.Status200OK,
                new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocolConstants.SupportedEncodings}"));
            return false;
        }

        return true;
    }
}
