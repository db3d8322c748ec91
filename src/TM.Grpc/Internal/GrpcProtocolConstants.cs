namespace TM.Grpc.Internal;

/// <summary>Header names and values of the gRPC over HTTP/2 protocol (grpc/doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocolConstants
{
    public const string ContentType = "application/grpc";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What this implementation can decode, advertised in <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>Compressed flag (1 byte) + big-endian message length (4 bytes).</summary>
    public const int MessageHeaderSize = 5;

    public const string UserAgent = "grpc-dotnet-tm/1.0";

    // The wire form of every status code, so ending a call formats no integers.
    private static readonly string[] StatusCodeStrings =
        ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"];

    /// <summary>
    /// Whether a content type is gRPC: <c>application/grpc</c>, optionally followed by <c>+format</c>
    /// (<c>application/grpc+proto</c>) or parameters. <c>application/grpc-web</c> is a different protocol.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }

    public static string FormatStatusCode(StatusCode statusCode)
    {
        var code = (int)statusCode;
        return (uint)code < (uint)StatusCodeStrings.Length ? StatusCodeStrings[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether an encoding name is one this implementation can read and write.</summary>
    public static bool IsSupportedEncoding(string encoding)
        => string.Equals(encoding, IdentityEncoding, StringComparison.OrdinalIgnoreCase)
        || string.Equals(encoding, GzipEncoding, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a comma-separated <c>grpc-accept-encoding</c> value lists <paramref name="encoding"/>.</summary>
    public static bool AcceptsEncoding(ReadOnlySpan<char> acceptEncoding, string encoding)
    {
        foreach (var range in acceptEncoding.Split(','))
        {
            if (acceptEncoding[range].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
