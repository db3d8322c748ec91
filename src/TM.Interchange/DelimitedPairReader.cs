using System.Globalization;
using System.Text;
using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// Reads Korean-English segment pairs from a TSV or CSV file, one record at a time, with each unit's first line
/// as its origin. Which column is which comes from a header row (ko/en, Korean/English, 한국어/영어, ko-KR,
/// "source (ko)"…, in either order) or, without one, from the script of the first records: the column with the most
/// Hangul is Korean. <see cref="DelimitedReadOptions"/> can state either instead.
/// </summary>
/// <remarks>
/// <para>
/// Quoting follows <see cref="DelimitedFormat"/>. Line breaks (CR LF, LF or CR) end records; one inside a quoted
/// field becomes LF, as in a TMX segment. Blank lines are skipped; a record whose Korean or English cell holds only
/// white space is skipped and counted as <see cref="SkipReason.EmptySegment"/>; other columns are ignored. Text is
/// kept as it is, white space included.
/// </para>
/// <para>
/// Read from a <see cref="Stream"/>, the bytes are UTF-8 unless a byte order mark says UTF-16 or UTF-32; bytes that
/// are not valid UTF-8 are an error naming the line, with the fix for files Excel saved in the Korean ANSI code page.
/// </para>
/// </remarks>
public sealed class DelimitedPairReader : IDisposable
{
    // Enough records to see both scripts in a file that starts with short or numeric rows, few enough to buffer.
    private const int SampleSize = 50;

    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly bool _checkDecoding;
    private readonly DelimitedReadOptions _options;
    private bool _enumerated;

    /// <summary>Creates a reader over bytes: UTF-8, or the encoding a byte order mark names.</summary>
    /// <param name="stream">The file's bytes; not disposed by the reader.</param>
    /// <param name="format">TSV or CSV.</param>
    /// <param name="fileName">The name to report in errors and in <see cref="TranslationUnit.OriginFile"/>; null when unknown.</param>
    /// <param name="options">Header, columns and limits; null means <see cref="DelimitedReadOptions.Default"/> (detect everything).</param>
    public DelimitedPairReader(Stream stream, DelimitedFormat format, string? fileName = null, DelimitedReadOptions? options = null)
        : this(
            new StreamReader(stream ?? throw new ArgumentNullException(nameof(stream)), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true),
            format,
            fileName,
            options,
            ownsReader: true)
    {
    }

    /// <summary>Creates a reader over text already decoded.</summary>
    /// <param name="reader">The file's text; not disposed by the reader.</param>
    /// <param name="format">TSV or CSV.</param>
    /// <param name="fileName">The name to report in errors and in <see cref="TranslationUnit.OriginFile"/>; null when unknown.</param>
    /// <param name="options">Header, columns and limits; null means <see cref="DelimitedReadOptions.Default"/> (detect everything).</param>
    public DelimitedPairReader(TextReader reader, DelimitedFormat format, string? fileName = null, DelimitedReadOptions? options = null)
        : this(reader ?? throw new ArgumentNullException(nameof(reader)), format, fileName, options, ownsReader: false)
    {
    }

    private DelimitedPairReader(TextReader reader, DelimitedFormat format, string? fileName, DelimitedReadOptions? options, bool ownsReader)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown delimited format.");
        }

        _reader = reader;
        _ownsReader = ownsReader;
        _checkDecoding = ownsReader;
        Format = format;
        FileName = fileName;
        _options = options ?? DelimitedReadOptions.Default;
    }

    /// <summary>TSV or CSV.</summary>
    public DelimitedFormat Format { get; }

    /// <summary>The name reported in errors and in <see cref="TranslationUnit.OriginFile"/>.</summary>
    public string? FileName { get; }

    /// <summary>Where the two languages are; null until enumeration has read the first records.</summary>
    public DelimitedLayout? Layout { get; private set; }

    /// <summary>What the reader did with the records so far; complete once <see cref="ReadUnits"/> has been enumerated to the end.</summary>
    public ReadStatistics Statistics { get; } = new();

    /// <summary>The segment pairs in file order, read as they are enumerated. Can be enumerated once.</summary>
    /// <param name="cancellationToken">Checked before each record.</param>
    /// <returns>The units, each with <see cref="TranslationUnit.OriginLine"/> set to the line its record starts on.</returns>
    /// <exception cref="DelimitedFormatException">During enumeration: a quoted field is never closed, a record lacks a column, the bytes are not UTF-8, or the columns cannot be told apart; the message names the line.</exception>
    /// <exception cref="InvalidOperationException">The units were already enumerated.</exception>
    public IEnumerable<TranslationUnit> ReadUnits(CancellationToken cancellationToken = default)
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("The units of a delimited file can be enumerated once; create a new reader to read them again.");
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

    private IEnumerable<TranslationUnit> Enumerate(CancellationToken cancellationToken)
    {
        var records = new DelimitedRecordReader(_reader, Format, _options.MaxSegmentLength, FileName);
        var fields = new List<string>();
        if (!records.TryRead(fields, out int firstLine))
        {
            Layout = new DelimitedLayout(false, _options.KoreanColumn ?? 0, _options.EnglishColumn ?? 1);
            yield break;
        }

        string[] first = [.. fields];
        var sample = new List<(string[] Fields, int Line)>();
        while (sample.Count < SampleSize && records.TryRead(fields, out int line))
        {
            sample.Add(([.. fields], line));
        }

        Layout = ColumnLayoutDetector.Detect(first, firstLine, sample, _options, FileName);
        if (!Layout.HasHeader && ToUnit(first, firstLine) is { } firstUnit)
        {
            yield return firstUnit;
        }

        foreach ((string[] sampled, int line) in sample)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ToUnit(sampled, line) is { } unit)
            {
                yield return unit;
            }
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!records.TryRead(fields, out int line))
            {
                yield break;
            }

            if (ToUnit(fields, line) is { } unit)
            {
                yield return unit;
            }
        }
    }

    private TranslationUnit? ToUnit(IReadOnlyList<string> fields, int line)
    {
        if (fields.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        DelimitedLayout layout = Layout!;
        int needed = Math.Max(layout.KoreanColumn, layout.EnglishColumn) + 1;
        if (fields.Count < needed)
        {
            string separator = Format == DelimitedFormat.Csv ? "comma" : "tab";
            throw new DelimitedFormatException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"the record has {fields.Count} field(s), but the Korean text is in column {layout.KoreanColumn + 1} and the English in column {layout.EnglishColumn + 1}. " +
                    $"A {separator} is missing on this line, or a quote opened on an earlier line is not closed."),
                FileName,
                line);
        }

        string korean = fields[layout.KoreanColumn];
        string english = fields[layout.EnglishColumn];
        if (_checkDecoding && (korean.Contains('\uFFFD', StringComparison.Ordinal) || english.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            throw new DelimitedFormatException(
                "the text holds bytes that are not valid UTF-8 (or U+FFFD, the mark of an earlier failed conversion). Excel on Korean Windows saves \"CSV\" in the CP949 code page: " +
                "save as \"CSV UTF-8\" instead, or convert the file (iconv -f CP949 -t UTF-8 in.csv > out.csv).",
                FileName,
                line);
        }

        foreach (string text in (string[])[korean, english])
        {
            if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
            {
                throw new DelimitedFormatException(
                    $"the text holds {XmlText.Describe(text[invalid])}, a character XML (and so TMX) cannot carry; remove it, or replace it with a space.",
                    FileName,
                    line);
            }
        }

        if (SegmentBuilder.IsBlank(korean) || SegmentBuilder.IsBlank(english))
        {
            Statistics.CountSkipped(SkipReason.EmptySegment);
            return null;
        }

        TranslationUnit unit;
        try
        {
            unit = TranslationUnit.FromText(korean, english);
        }
        catch (ArgumentException e)
        {
            throw new DelimitedFormatException(e.Message, FileName, line);
        }

        Statistics.CountRead();
        return unit with { OriginFile = FileName, OriginLine = line };
    }
}
