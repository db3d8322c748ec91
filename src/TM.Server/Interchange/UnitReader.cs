using TM.Interchange;
using TM.Server.Services;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>
/// The units of an uploaded file, whatever its format, numbered the same way on every read of the same bytes so
/// that a resumed import can tell which of them an earlier call committed.
/// </summary>
/// <remarks>
/// A unit is a TMX <c>&lt;tu&gt;</c>, an XLIFF 2 <c>&lt;segment&gt;</c>, an XLIFF 1.2 <c>&lt;trans-unit&gt;</c> or a TSV/CSV record (not the header, not a blank line), including the ones the
/// reader skips. <see cref="Position"/> after a unit is returned counts every unit up to and including it, so it is
/// where an import that has committed that unit carries on.
/// </remarks>
internal sealed class UnitReader : IDisposable
{
    private readonly TmxReader? _tmx;
    private readonly DelimitedPairReader? _delimited;
    private readonly Xliff2Reader? _xliff;
    private readonly Xliff12Reader? _xliff12;

    private UnitReader(TmxReader? tmx, DelimitedPairReader? delimited, Xliff2Reader? xliff = null, Xliff12Reader? xliff12 = null)
    {
        _tmx = tmx;
        _delimited = delimited;
        _xliff = xliff;
        _xliff12 = xliff12;
        Statistics = tmx?.Statistics ?? xliff?.Statistics ?? xliff12?.Statistics ?? delimited!.Statistics;
    }

    /// <summary>What the reader did with the units so far.</summary>
    public ReadStatistics Statistics { get; }

    /// <summary>Units consumed so far, returned or skipped.</summary>
    public long Position => (long)Statistics.UnitsRead + Statistics.UnitsSkipped;

    /// <summary>Opens a reader for <paramref name="format"/> over a stream it does not own.</summary>
    public static UnitReader Open(ImportFileFormat format, Stream input, string fileName)
    {
        if (format == ImportFileFormat.Tmx)
        {
            // The server's own sentence limit, so an oversized segment fails with its line instead of at commit.
            var options = TmxReadOptions.Default with { MaxSegmentLength = RequestLimits.MaxSentenceLength };
            return new UnitReader(new TmxReader(input, fileName, options), null);
        }
        if (format == ImportFileFormat.Xliff)
        {
            var options = Xliff2ReadOptions.Default with { MaxSegmentLength = RequestLimits.MaxSentenceLength };
            return new UnitReader(null, null, new Xliff2Reader(input, fileName, options));
        }
        if (format == ImportFileFormat.Xliff12)
        {
            var options = Xliff2ReadOptions.Default with { MaxSegmentLength = RequestLimits.MaxSentenceLength };
            return new UnitReader(null, null, xliff12: new Xliff12Reader(input, fileName, options));
        }
        var delimitedOptions = DelimitedReadOptions.Default with { MaxSegmentLength = RequestLimits.MaxSentenceLength };
        var delimitedFormat = format == ImportFileFormat.Csv ? DelimitedFormat.Csv : DelimitedFormat.Tsv;
        return new UnitReader(null, new DelimitedPairReader(input, delimitedFormat, fileName, delimitedOptions));
    }

    /// <summary>
    /// The side the file declares as its source (a TMX header's <c>srclang</c>, an XLIFF file's <c>srcLang</c>) when
    /// it is Korean or English; null otherwise. Reads the header or root, so it can throw what reading throws.
    /// </summary>
    public SegmentSide? DeclaredSourceSide()
    {
        if (_xliff is not null)
            return LanguageTag.ToSide(_xliff.ReadSourceLanguage());
        if (_xliff12 is not null)
            return LanguageTag.ToSide(_xliff12.ReadSourceLanguage());
        if (_tmx is null)
            return null;
        return LanguageTag.ToSide(_tmx.ReadHeader().SourceLanguage);
    }

    /// <summary>The Korean-English units in file order; enumerate once.</summary>
    public IEnumerable<TranslationUnit> Units(CancellationToken cancellationToken) =>
        _tmx?.ReadUnits(cancellationToken) ?? _xliff?.ReadUnits(cancellationToken) ?? _xliff12?.ReadUnits(cancellationToken) ?? _delimited!.ReadUnits(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _tmx?.Dispose();
        _xliff?.Dispose();
        _xliff12?.Dispose();
        _delimited?.Dispose();
    }
}
