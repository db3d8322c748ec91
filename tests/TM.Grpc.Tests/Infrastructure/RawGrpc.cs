using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TM.Grpc.Tests.Infrastructure;

/// <summary>
/// Plain HttpClient requests to the server, for checking the wire protocol itself (status placement,
/// headers, frames) independently of TM.Grpc's client.
/// </summary>
public static class RawGrpc
{
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(30) };

    public static byte[] Frame(params string[] messages) => Frame(messages.Select(m => (Encoding.UTF8.GetBytes(m), false)).ToArray());

    public static byte[] Frame(params (byte[] Payload, bool Compressed)[] messages)
    {
        using var body = new MemoryStream();
        Span<byte> header = stackalloc byte[5];
        foreach (var (payload, compressed) in messages)
        {
            header[0] = compressed ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payload.Length);
            body.Write(header);
            body.Write(payload);
        }

        return body.ToArray();
    }

    public static HttpRequestMessage Request(Uri address, string path, byte[] body, string contentType = "application/grpc")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    /// <summary>The grpc-status and grpc-message, from the trailers or, for Trailers-Only, the headers.</summary>
    public static (string? Status, string? Message, bool TrailersOnly) ReadStatus(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("grpc-status", out var headerStatus))
        {
            return (headerStatus.Single(), First(response.Headers, "grpc-message"), true);
        }

        return (First(response.TrailingHeaders, "grpc-status"), First(response.TrailingHeaders, "grpc-message"), false);
    }

    private static string? First(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.First() : null;
}
