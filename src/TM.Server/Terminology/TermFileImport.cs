using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using TM.Interchange;
using TM.Storage;

namespace TM.Server.Terminology;

/// <summary>
/// Reads an uploaded termbase file (TBX or CSV) while its bytes arrive: every entry checked by
/// <see cref="TermEntryRules"/>, all of them held until the file ends so that the import commits all or nothing.
/// </summary>
/// <remarks>
/// Bounded: the pipe between the upload and the parser holds at most <see cref="PipeLimit"/> bytes, a file may be at
/// most <see cref="MaxFileBytes"/> and hold at most <see cref="MaxEntries"/> entries (a large real termbase, IATE's
/// Korean-English part, is about 60,000 concepts), so what one import holds is some hundreds of bytes per entry.
/// </remarks>
public static class TermFileImport
{
    /// <summary>Largest termbase file ImportTerms takes: 64 MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Most entries one file may hold.</summary>
    public const int MaxEntries = 200_000;

    // Bytes the pipe holds before the upload waits for the parser.
    private const int PipeLimit = 1024 * 1024;

    /// <summary>The format a file name's extension stands for; null when it says nothing (.tbx and .xml are TBX, .csv is CSV).</summary>
    public static TermFileFormat? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".tbx" or ".xml" => TermFileFormat.Tbx,
        ".csv" => TermFileFormat.Csv,
        _ => null,
    };

    /// <summary>The format a request names ("tbx", "csv"); null for none, and an exception for one this server does not read.</summary>
    /// <exception cref="ArgumentException">It names another format.</exception>
    public static TermFileFormat? FromName(string format) => format.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "tbx" => TermFileFormat.Tbx,
        "csv" => TermFileFormat.Csv,
        _ => throw new ArgumentException($"format is '{format}'; a termbase file is \"tbx\" or \"csv\" (or leave it empty to go by the file's name)."),
    };

    /// <summary>The format of a file from its first bytes: markup is TBX, anything else CSV.</summary>
    public static TermFileFormat Sniff(ReadOnlySpan<byte> start)
    {
        var text = Encoding.UTF8.GetString(start).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') ? TermFileFormat.Tbx : TermFileFormat.Csv;
    }

    /// <summary>
    /// Reads the entries of the file <paramref name="upload"/> writes into the pipe it is given, checked and ready to store.
    /// </summary>
    /// <param name="upload">Copies the file's bytes as they arrive; stops early when the parser has stopped.</param>
    /// <param name="bytesReceived">How many bytes the upload has received so far.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="cancellationToken">The call ended.</param>
    /// <returns>The entries in file order, and how many entries had neither a Korean nor an English term.</returns>
    /// <exception cref="InterchangeFormatException">The file is damaged; the message names the line.</exception>
    /// <exception cref="ArgumentException">An entry breaks <see cref="TermEntryRules"/>, or the file is too large.</exception>
    public static async Task<(IReadOnlyList<TermContent> Entries, int WithoutTerms)> ReadAsync(
        Func<PipeWriter, CancellationToken, Task> upload, Func<long> bytesReceived, TermFileFormat format, string fileName, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeLimit, resumeWriterThreshold: PipeLimit / 2, useSynchronizationContext: false));
        var parsing = Task.Run(() => Parse(pipe.Reader, bytesReceived, format, fileName, cancellationToken), CancellationToken.None);
        try
        {
            await upload(pipe.Writer, cancellationToken);
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            // The client went away: the parser fails with this on its next read.
            await pipe.Writer.CompleteAsync(e);
        }
        return await parsing;
    }

    private static (IReadOnlyList<TermContent> Entries, int WithoutTerms) Parse(PipeReader input, Func<long> bytesReceived, TermFileFormat format, string fileName,
        CancellationToken cancellationToken)
    {
        using var stream = input.AsStream();
        var entries = new List<TermContent>();
        TermbaseReadStatistics statistics;
        if (format == TermFileFormat.Tbx)
        {
            using var tbx = new TbxReader(stream, fileName);
            statistics = tbx.Statistics;
            Collect(tbx.ReadEntries(cancellationToken), entries, bytesReceived, fileName);
        }
        else
        {
            using var csv = new TermCsvReader(stream, fileName);
            statistics = csv.Statistics;
            Collect(csv.ReadEntries(cancellationToken), entries, bytesReceived, fileName);
        }
        CheckSize(bytesReceived(), entries.Count, fileName);
        return (entries, statistics.EntriesWithoutTerms);
    }

    private static void Collect(IEnumerable<TermbaseEntry> read, List<TermContent> into, Func<long> bytesReceived, string fileName)
    {
        foreach (var entry in read)
        {
            CheckSize(bytesReceived(), into.Count + 1, fileName);
            var where = $"{fileName}: entry {(into.Count + 1).ToString("N0", CultureInfo.InvariantCulture)}{(entry.Id is { } id ? $" (id {id})" : "")}";
            into.Add(TermEntryRules.Normalize(ContentOf(entry), where));
        }
    }

    private static void CheckSize(long bytes, int entries, string fileName)
    {
        if (bytes > MaxFileBytes)
            throw new ArgumentException($"{fileName} is larger than {MaxFileBytes / (1024 * 1024)} MB, the most one ImportTerms takes; split it into several files. Nothing was imported.");
        if (entries > MaxEntries)
            throw new ArgumentException($"{fileName} holds more than {MaxEntries.ToString("N0", CultureInfo.InvariantCulture)} entries, the most one ImportTerms takes; split it into several files. Nothing was imported.");
    }

    /// <summary>A file's entry as the store takes it; its id in the file is not kept (entries are matched by their terms).</summary>
    public static TermContent ContentOf(TermbaseEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new TermContent(entry.Korean, entry.English)
        {
            KoreanVariants = entry.KoreanVariants,
            EnglishVariants = entry.EnglishVariants,
            ForbiddenKorean = entry.ForbiddenKorean,
            ForbiddenEnglish = entry.ForbiddenEnglish,
            PartOfSpeech = entry.PartOfSpeech,
            Note = entry.Note,
            Source = entry.Source,
        };
    }

    /// <summary>A stored entry as a termbase file writes it, with its id as the concept's id.</summary>
    public static TermbaseEntry EntryOf(TermRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var content = record.Content;
        return new TermbaseEntry
        {
            Id = "c" + record.Id.ToString(CultureInfo.InvariantCulture),
            Korean = content.Korean,
            English = content.English,
            KoreanVariants = content.KoreanVariants,
            EnglishVariants = content.EnglishVariants,
            ForbiddenKorean = content.ForbiddenKorean,
            ForbiddenEnglish = content.ForbiddenEnglish,
            PartOfSpeech = content.PartOfSpeech,
            Note = content.Note,
            Source = content.Source,
        };
    }
}
