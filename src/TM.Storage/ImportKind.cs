namespace TM.Storage;

/// <summary>How a batch of segments reached the memory.</summary>
public enum ImportKind
{
    /// <summary>A parallel document, split and aligned by the server.</summary>
    Document,

    /// <summary>Pairs that arrived already aligned (ImportSegments, TSV).</summary>
    Segments,

    /// <summary>One batch of translation units from a TMX file (ImportTmx).</summary>
    Tmx,
}
