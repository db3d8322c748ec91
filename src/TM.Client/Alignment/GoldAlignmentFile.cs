using TM.Client.Input;
using TM.Protos.V1;
using TM.Text;

namespace TM.Client.Alignment;

/// <summary>
/// The client side of <c>tm align --gold</c>: picks the beads of the aligned document out of a gold alignment file
/// (read by <see cref="GoldAlignmentReader"/>) and scores the server's preview against them with
/// <see cref="BeadEvaluator"/>.
/// </summary>
internal static class GoldAlignmentFile
{
    /// <summary>
    /// The beads of <paramref name="goldPath"/> whose <c>doc</c> names <paramref name="documentPath"/>
    /// (see <see cref="NamesDocument"/>), in file order.
    /// </summary>
    /// <exception cref="InputFileException">The file is unreadable, a line is not a bead, or no bead names the document.</exception>
    public static IReadOnlyList<Bead> Load(string goldPath, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(goldPath);
        ArgumentNullException.ThrowIfNull(documentPath);
        var text = DocumentFileReader.ReadAllText(goldPath);
        IReadOnlyList<Bead> beads;
        try
        {
            beads = GoldAlignmentReader.ReadWhere(new StringReader(text), doc => NamesDocument(doc, documentPath));
        }
        catch (FormatException ex)
        {
            // The reader's message already names the line.
            throw new InputFileException(goldPath, 0, ex.Message);
        }

        if (beads.Count == 0)
        {
            throw new InputFileException(goldPath, 0,
                $"no bead has \"doc\": \"{Path.GetFileName(documentPath)}\" (or \"{Path.GetFileNameWithoutExtension(documentPath)}\").");
        }

        return beads;
    }

    /// <summary>
    /// True when a gold line's <paramref name="doc"/> names <paramref name="documentPath"/>: its file name, alone or
    /// after a directory, or its file name without the extension. Gold files are written by hand, so the name is
    /// matched loosely rather than as the exact path given on the command line.
    /// </summary>
    public static bool NamesDocument(string? doc, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(documentPath);
        return doc is not null
            && (string.Equals(Path.GetFileName(doc), Path.GetFileName(documentPath), StringComparison.Ordinal)
                || string.Equals(doc, Path.GetFileNameWithoutExtension(documentPath), StringComparison.Ordinal));
    }

    /// <summary>Bead precision, recall and F1 of the server's <paramref name="pairs"/> against <paramref name="gold"/>.</summary>
    public static AlignmentScore Score(IEnumerable<AlignedPair> pairs, IEnumerable<Bead> gold)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(gold);

        // The server sends each side as one joined text, not its sentences, so both sides are compared in that form:
        // a gold bead's sentences are joined the same way, and the evaluator's whitespace folding does the rest.
        return BeadEvaluator.Evaluate(
            pairs.Select(p => Joined(p.Ko, p.En, p.Confidence)),
            gold.Select(b => Joined(b.KoreanText, b.EnglishText, b.Confidence)));
    }

    private static Bead Joined(string ko, string en, double confidence) =>
        new(ko.Length == 0 ? [] : [ko], en.Length == 0 ? [] : [en], confidence);
}
