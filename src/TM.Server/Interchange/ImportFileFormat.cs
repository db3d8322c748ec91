namespace TM.Server.Interchange;

/// <summary>The file formats ImportFile reads.</summary>
internal enum ImportFileFormat
{
    /// <summary>TMX 1.1–1.4b.</summary>
    Tmx,

    /// <summary>Tab-separated Korean-English pairs.</summary>
    Tsv,

    /// <summary>Comma-separated Korean-English pairs (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>XLIFF 2.x; its translated segments become pairs (see <see cref="TM.Interchange.Xliff2Reader"/>).</summary>
    Xliff,
}
