namespace TM.Interchange;

/// <summary>
/// One sentence of a document as <see cref="Xliff2Writer"/> writes it: an XLIFF 2.0 <c>&lt;unit&gt;</c> holding one
/// <c>&lt;segment&gt;</c>, with an optional target, a translation candidate and metadata; <see cref="Xliff12Writer"/>
/// writes the same as an XLIFF 1.2 <c>&lt;trans-unit&gt;</c>.
/// </summary>
/// <param name="Id">The unit's <c>id</c>: an XML name token (letters, digits, <c>.-_:</c>), unique in the file.</param>
/// <param name="Source">The source sentence.</param>
public sealed record XliffUnit(string Id, string Source)
{
    /// <summary>
    /// The <c>id</c> of the <c>&lt;group&gt;</c> the unit belongs to (its paragraph); consecutive units with the same
    /// group are written in one <c>&lt;group&gt;</c>. Null writes the unit directly in the <c>&lt;file&gt;</c>.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>The pretranslated target; null writes no <c>&lt;target&gt;</c>, which only <see cref="XliffSegmentState.Initial"/> allows.</summary>
    public string? Target { get; init; }

    /// <summary>The segment's state; <see cref="XliffSegmentState.Initial"/> unless set.</summary>
    public XliffSegmentState State { get; init; }

    /// <summary>The candidate the target came from; null for none.</summary>
    public XliffMatch? Match { get; init; }

    /// <summary>Metadata of the unit, written as one <c>&lt;mda:metaGroup&gt;</c>; empty for none.</summary>
    public IReadOnlyList<XliffMeta> Metadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
