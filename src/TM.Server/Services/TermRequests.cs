using System.Globalization;
using TM.Protos.V1;
using TM.Storage;

namespace TM.Server.Services;

/// <summary>Termbase entries between the API (<see cref="TermEntry"/>) and the store (<see cref="TermRecord"/>).</summary>
internal static class TermRequests
{
    /// <summary>Entries a ListTerms page holds when the request says 0.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Most entries one ListTerms page holds.</summary>
    public const int MaxPageSize = 500;

    /// <summary>What a request's entry says; its id, memory, times, authors and version are the server's and ignored.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT when the request carries no entry.</exception>
    public static TermContent Content(TermEntry? entry, string field = "entry") =>
        entry is null
            ? throw Invalid.Argument($"The request has no {field}: send the term entry (ko and/or en, variants, note…).")
            : new TermContent(entry.Ko, entry.En)
            {
                KoreanVariants = [.. entry.KoVariants],
                EnglishVariants = [.. entry.EnVariants],
                ForbiddenKorean = [.. entry.ForbiddenKo],
                ForbiddenEnglish = [.. entry.ForbiddenEn],
                PartOfSpeech = entry.PartOfSpeech,
                Note = entry.Note,
                Source = entry.Source,
            };

    /// <summary>A stored entry as the API shows it.</summary>
    public static TermEntry ToEntry(TermRecord record, string memory)
    {
        var content = record.Content;
        var entry = new TermEntry
        {
            Id = record.Id,
            Memory = memory,
            Ko = content.Korean,
            En = content.English,
            PartOfSpeech = content.PartOfSpeech,
            Note = content.Note,
            Source = content.Source,
            Created = Timestamps.Rfc3339(record.Created),
            CreatedBy = record.CreatedBy,
            Changed = Timestamps.Rfc3339(record.Changed),
            ChangedBy = record.ChangedBy,
            Version = record.Version,
        };
        entry.KoVariants.AddRange(content.KoreanVariants);
        entry.EnVariants.AddRange(content.EnglishVariants);
        entry.ForbiddenKo.AddRange(content.ForbiddenKorean);
        entry.ForbiddenEn.AddRange(content.ForbiddenEnglish);
        return entry;
    }

    /// <summary>A term entry's id from a request.</summary>
    public static long Id(long id) =>
        id > 0 ? id : throw Invalid.Argument($"term_id is {id.ToString(CultureInfo.InvariantCulture)}; it is the id a TermEntry or TermHit gives (entry_id).");

    /// <summary>The page size a ListTerms request asks for.</summary>
    public static int PageSize(int requested) => requested switch
    {
        < 0 => throw Invalid.Argument($"page_size is {requested.ToString(CultureInfo.InvariantCulture)}; use 1..{MaxPageSize}, or 0 for {DefaultPageSize}."),
        0 => DefaultPageSize,
        _ => Math.Min(requested, MaxPageSize),
    };

    /// <summary>The entry id a ListTerms page token stands for (the last entry of the previous page); 0 for the first page.</summary>
    public static long AfterId(string pageToken) =>
        pageToken.Length == 0 ? 0
        : long.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw Invalid.Argument($"page_token is '{pageToken}'; send the next_page_token of the previous answer unchanged, or nothing for the first page.");
}
