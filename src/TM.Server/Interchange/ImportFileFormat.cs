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

    /// <summary>
    /// XLIFF 1.2; its approved or translated trans-units become pairs (see <see cref="TM.Interchange.Xliff12Reader"/>).
    /// Named "xliff" like 2.x by clients and extensions; the file's namespace tells them apart.
    /// </summary>
    Xliff12,
}
