using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TM.Protos.V1;
using TM.Storage;

namespace TM.Server.Services;

/// <summary>
/// The <c>page_token</c> of a concordance: where the next page starts (after a segment id), bound to the search it
/// belongs to, so that a token sent with another term, side or filter is refused rather than silently continuing
/// some other list. Opaque to clients: base64url of a version byte, the id and 8 bytes of SHA-256 over the search.
/// </summary>
internal static class ConcordancePageToken
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 8;

    public static string Encode(long afterId, ConcordanceRequest request)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(bytes[1..], afterId);
        SearchDigest(request, bytes[9..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The segment id the next page starts after; 0 for an empty token (the first page).</summary>
    /// <exception cref="ArgumentException">The token is not one this server gave for this search.</exception>
    public static long Decode(ConcordanceRequest request)
    {
        var token = request.PageToken;
        if (token.Length == 0)
            return 0;
        Span<byte> bytes = stackalloc byte[Length];
        Span<byte> digest = stackalloc byte[8];
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        if (token.Length > 64 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
            throw new ArgumentException("page_token is not a token this server gave: send the next_page_token of the previous answer unchanged, or none for the first page.");
        SearchDigest(request, digest);
        if (!digest.SequenceEqual(bytes[9..]))
            throw new ArgumentException("page_token belongs to another search (its term, side or a filter differs): send the same request with the new token, or start again without one.");
        return BinaryPrimitives.ReadInt64LittleEndian(bytes[1..]);
    }

    // Everything that decides which segments match; max_results may change from page to page.
    private static void SearchDigest(ConcordanceRequest request, Span<byte> destination)
    {
        var search = string.Join('\u001f', SegmentStore.NormalizeMemoryName(request.Memory), request.Term.Trim(), request.Lang, request.Origin,
            request.ImportId, request.CreatedBy, request.ChangedAfter, request.ChangedBefore, request.MatchWordForms);
        // Field conditions joined on only when there are some, so tokens given before fields existed stay valid.
        if (request.Fields.Count > 0)
            search += '\u001f' + string.Join('\u001f', request.Fields.Select(f => f.Name + '\u001e' + f.Value));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(search), hash);
        hash[..destination.Length].CopyTo(destination);
    }
}
