using System.Collections.Frozen;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TM.Grpc.Internal;

/// <summary>
/// Converts between <see cref="Metadata"/> and HTTP headers on both sides: binary (<c>-bin</c>) values
/// travel base64-encoded, and protocol headers are kept out of the metadata applications see.
/// </summary>
internal static class MetadataHeaders
{
    // Headers owned by HTTP/2 or by the gRPC protocol itself, never surfaced as custom metadata.
    // Kestrel reports well-known request headers in canonical casing ("Content-Type"), hence ignore-case.
    private static readonly FrozenSet<string> ProtocolHeaders = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "content-type",
        "content-length",
        "te",
        "host",
        "accept-encoding",
        GrpcProtocolConstants.TimeoutHeader,
        GrpcProtocolConstants.EncodingHeader,
        GrpcProtocolConstants.AcceptEncodingHeader,
        GrpcProtocolConstants.StatusTrailer,
        GrpcProtocolConstants.MessageTrailer);

    public static bool IsProtocolHeader(string name) => name.Length == 0 || name[0] == ':' || ProtocolHeaders.Contains(name);

    public static string EncodeValue(Metadata.Entry entry)
        => entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;

    /// <summary>Server side: request headers to metadata.</summary>
    public static Metadata FromHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (!IsProtocolHeader(header.Key))
            {
                AddHeader(metadata, header.Key, header.Value);
            }
        }

        return metadata;
    }

    /// <summary>Client side: response headers or trailers to metadata.</summary>
    public static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (IsProtocolHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                AddHeader(metadata, header.Key, value);
            }
        }

        return metadata;
    }

    /// <summary>Server side: metadata into response headers (or into the headers of a Trailers-Only response).</summary>
    public static void AddTo(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (!IsProtocolHeader(entry.Key))
            {
                headers.Append(entry.Key, EncodeValue(entry));
            }
        }
    }

    /// <summary>Server side: metadata into the response trailers.</summary>
    public static void AppendTrailers(HttpResponse response, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (!IsProtocolHeader(entry.Key))
            {
                response.AppendTrailer(entry.Key, EncodeValue(entry));
            }
        }
    }

    /// <summary>Client side: metadata into request headers.</summary>
    public static void AddTo(HttpRequestHeaders headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (!IsProtocolHeader(entry.Key))
            {
                headers.TryAddWithoutValidation(entry.Key, EncodeValue(entry));
            }
        }
    }

    private static void AddHeader(Metadata metadata, string key, StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null)
            {
                AddHeader(metadata, key, value);
            }
        }
    }

    private static void AddHeader(Metadata metadata, string key, string value)
    {
        // HTTP allows header names and values that gRPC metadata does not (a proxy's, say);
        // those are skipped rather than failing the call.
        if (key.AsSpan().ContainsAnyInRange('A', 'Z'))
        {
            key = key.ToLowerInvariant();
        }

        if (!Metadata.Entry.IsValidKey(key))
        {
            return;
        }

        if (!Metadata.Entry.IsBinaryKey(key))
        {
            if (Metadata.Entry.IsValidAsciiValue(value))
            {
                metadata.Add(key, value);
            }

            return;
        }

        // Several binary values may share one header line, comma-separated (PROTOCOL-HTTP2.md).
        foreach (var range in value.AsSpan().Split(','))
        {
            if (TryDecodeBase64(value.AsSpan()[range].Trim(), out var bytes))
            {
                metadata.Add(key, bytes);
            }
        }
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> value, out byte[] bytes)
    {
        // Senders may omit the '=' padding (PROTOCOL-HTTP2.md allows it); decode into a buffer sized for the padded form.
        var padding = (4 - (value.Length % 4)) % 4;
        Span<char> padded = value.Length + padding <= 256 ? stackalloc char[value.Length + padding] : new char[value.Length + padding];
        value.CopyTo(padded);
        padded[value.Length..].Fill('=');
        var buffer = new byte[padded.Length / 4 * 3];
        if (Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            bytes = written == buffer.Length ? buffer : buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
