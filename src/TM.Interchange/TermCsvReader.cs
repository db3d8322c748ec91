using System.Globalization;
using System.Text;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads termbase entries from a CSV file (RFC 4180 quoting, as <see cref="DelimitedFormat.Csv"/>), one record at a
/// time: with a header row naming the columns, or a bare two-column file of Korean and English terms.
/// </summary>
/// <remarks>
/// <para>
/// Header: the first row names the columns, in any order, ignoring case and with spaces or hyphens for
/// underscores: <c>korean</c>, <c>english</c>, <c>korean_variants</c>, <c>english_variants</c>,
/// <c>forbidden_korean</c>, <c>forbidden_english</c>, <c>part_of_speech</c>, <c>note</c>, <c>source</c>, <c>id</c>
/// (<c>ko</c> and <c>en</c> also name the first two). A column named otherwise, or named twice, is an error that
/// lists the names; at least one of korean and english must be there. The four list columns hold several terms
/// separated by <c>|</c> or <c>;</c>. A part of speech is a value of <see cref="PartsOfSpeech"/>, in any case.
/// </para>
/// <para>
/// Without a header: when the first row's first cell holds Hangul and its second Latin letters, every row is a
/// Korean term and an English term, and a third column, if any, is an error (give such a file a header).
/// </para>
/// <para>
/// Blank rows are skipped; a row with neither a Korean nor an English term is skipped and counted in
/// <see cref="Statistics"/>. Every row must have as many cells as the header (or two). Text is trimmed. Errors are
/// <see cref="DelimitedFormatException"/>s naming the line.
/// </para>
/// </remarks>
public sealed class TermCsvReader : IDisposable
{
    /// <summary>The most characters one cell may hold.</summary>
    public const int MaxCellLength = 100_000;

    private static readonly string[] ColumnNames =
        ["korean", "english", "korean_variants", "english_variants", "forbidden_korean", "forbidden_english", "part_of_speech", "note", "source", "id"];

    private static readonly char[] ListSeparators = ['|', ';'];

    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private bool _enumerated;

    /// <summary>Creates a reader over bytes: UTF-8, or the encoding a byte order mark names.</summary>
    /// <param name="stream">The file's bytes; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors; null when unknown.</param>
    public TermCsvReader(Stream stream, string? fileName = null)
        : this(
            new StreamReader(stream ?? throw new ArgumentNullException(nameof(stream)), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true),
            fileName,
            ownsReader: true)
    {
    }

    /// <summary>Creates a reader over text already decoded.</summary>
    /// <param name="reader">The file's text; not disposed by the reader.</param>
    /// <param name="fileName">The name to report in errors; null when unknown.</param>
    public TermCsvReader(TextReader reader, string? fileName = null)
        : this(reader ?? throw new ArgumentNullException(nameof(reader)), fileName, ownsReader: false)
    {
    }

    private TermCsvReader(TextReader reader, string? fileName, bool ownsReader)
    {
        _reader = reader;
        _ownsReader = ownsReader;
        FileName = fileName;
    }

    /// <summary>The name reported in errors.</summary>
    public string? FileName { get; }

    /// <summary>Whether the file has a header row; null until enumeration has read the first row.</summary>
    public bool? HasHeader { get; private set; }

    /// <summary>What the reader did with the rows so far; complete once <see cref="ReadEntries"/> has been enumerated to the end.</summary>
    public TermbaseReadStatistics Statistics { get; } = new();

    /// <summary>Reads every entry of a CSV text; a shortcut for a reader's <see cref="ReadEntries"/>.</summary>
    /// <param name="reader">The file's text; not disposed.</param>
    /// <param name="fileName">The name to report in errors; null when unknown.</param>
    /// <returns>The entries, read as they are enumerated.</returns>
    /// <exception cref="DelimitedFormatException">During enumeration: see <see cref="ReadEntries"/>.</exception>
    public static IEnumerable<TermbaseEntry> Read(TextReader reader, string? fileName = null) =>
        new TermCsvReader(reader, fileName).ReadEntries();

    /// <summary>The entries in file order, read as they are enumerated. Can be enumerated once.</summary>
    /// <param name="cancellationToken">Checked before each row.</param>
    /// <returns>The entries.</returns>
    /// <exception cref="DelimitedFormatException">During enumeration: the header names an unknown column, a row has the
    /// wrong number of cells, a quote is never closed, a part of speech is not in the picklist, or the bytes are not
    /// UTF-8; the message names the line.</exception>
    /// <exception cref="InvalidOperationException">The entries were already enumerated.</exception>
    public IEnumerable<TermbaseEntry> ReadEntries(CancellationToken cancellationToken = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("The entries of a CSV file can be enumerated once; create a new reader to read them again.");
        }

        _enumerated = true;
        return Enumerate(cancellationToken);
    }

    /// <summary>Releases the decoder created over a stream; the stream and any given <see cref="TextReader"/> are left to their owner.</summary>
    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    private IEnumerable<TermbaseEntry> Enumerate(CancellationToken cancellationToken)
    {
        var records = new DelimitedRecordReader(_reader, DelimitedFormat.Csv, MaxCellLength, FileName);
        var fields = new List<string>();
        if (!records.TryRead(fields, out var firstLine))
        {
            yield break;
        }

        var columns = Columns(fields, firstLine);
        HasHeader = columns is not null;
        columns ??= ["korean", "english"];
        if (!HasHeader.Value && ToEntry(fields, columns, firstLine) is { } first)
        {
            yield return first;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!records.TryRead(fields, out var line))
            {
                yield break;
            }

            if (ToEntry(fields, columns, line) is { } entry)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The column names of a header row, or null when the row is a bare Korean–English pair.</summary>
    private string[]? Columns(List<string> row, int line)
    {
        var names = row.Select(Canonical).ToArray();
        if (!names.Any(n => ColumnNames.Contains(n)))
        {
            if (row.Count >= 2 && row[0].Any(ColumnLayoutDetector.IsHangul) && row[1].Any(char.IsAsciiLetter))
            {
                return null;
            }

            throw Error(
                $"the first row is neither a header naming the columns ({string.Join(", ", ColumnNames)}) nor a Korean term followed by an English one. Add a header row such as \"korean,english,note\".",
                line);
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!ColumnNames.Contains(names[i]))
            {
                throw Error(
                    string.Create(CultureInfo.InvariantCulture, $"column {i + 1} of the header is \"{row[i]}\", which names no column. The columns are {string.Join(", ", ColumnNames)}; rename or remove it."),
                    line);
            }

            if (Array.IndexOf(names, names[i]) != i)
            {
                throw Error(string.Create(CultureInfo.InvariantCulture, $"column {i + 1} of the header names \"{names[i]}\" again; each column may appear once."), line);
            }
        }

        if (!names.Contains("korean") && !names.Contains("english"))
        {
            throw Error("the header has neither a korean nor an english column, so no row can hold a term.", line);
        }

        return names;
    }

    private static string Canonical(string header)
    {
        var name = header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return name switch
        {
            "ko" => "korean",
            "en" => "english",
            _ => name,
        };
    }

    private TermbaseEntry? ToEntry(List<string> fields, string[] columns, int line)
    {
        if (fields.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        if (fields.Count != columns.Length)
        {
            throw Error(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the row has {fields.Count} cell(s), but the {(HasHeader == true ? "header names" : "file has")} {columns.Length}. A comma is missing or extra on this line, a cell with a comma is not quoted, or a quote opened on an earlier line is not closed."),
                line);
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var text = fields[i].Trim();
            if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
            {
                throw Error($"the {columns[i]} cell holds {XmlText.Describe(text[invalid])}, a character a termbase cannot carry; remove it.", line);
            }

            if (_ownsReader && text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw Error(
                    "the text holds bytes that are not valid UTF-8. Excel on Korean Windows saves \"CSV\" in the CP949 code page: save as \"CSV UTF-8\" instead, or convert the file (iconv -f CP949 -t UTF-8 in.csv > out.csv).",
                    line);
            }

            cells[columns[i]] = text;
        }

        var partOfSpeech = PartsOfSpeech.Normalize(Cell(cells, "part_of_speech"))
            ?? throw Error($"the part of speech \"{Cell(cells, "part_of_speech")}\" is not one of {string.Join(", ", PartsOfSpeech.All)}.", line);
        var entry = new TermbaseEntry
        {
            Id = cells.TryGetValue("id", out var id) && id.Length > 0 ? id : null,
            Korean = Cell(cells, "korean"),
            English = Cell(cells, "english"),
            KoreanVariants = List(cells, "korean_variants"),
            EnglishVariants = List(cells, "english_variants"),
            ForbiddenKorean = List(cells, "forbidden_korean"),
            ForbiddenEnglish = List(cells, "forbidden_english"),
            PartOfSpeech = partOfSpeech,
            Note = Cell(cells, "note"),
            Source = Cell(cells, "source"),
        };
        if (entry is { Korean: "", English: "", KoreanVariants.Count: 0, EnglishVariants.Count: 0, ForbiddenKorean.Count: 0, ForbiddenEnglish.Count: 0 })
        {
            Statistics.CountWithoutTerms();
            return null;
        }

        Statistics.CountRead();
        return entry;
    }

    private static string Cell(Dictionary<string, string> cells, string column) => cells.TryGetValue(column, out var text) ? text : "";

    private static string[] List(Dictionary<string, string> cells, string column) =>
        Cell(cells, column).Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private DelimitedFormatException Error(string reason, int line) => new(char.ToUpperInvariant(reason[0]) + reason[1..], FileName, line);
}
