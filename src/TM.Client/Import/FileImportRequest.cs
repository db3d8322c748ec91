using TM.Client.Input;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>One file for ImportFile and what the first message says about it.</summary>
/// <param name="Path">The file as the user named it.</param>
/// <param name="Format">TMX, TSV, CSV or XLIFF (never <see cref="InputFormat.Document"/>).</param>
/// <param name="Memory">Target memory; empty means the default.</param>
/// <param name="Policy">For a source the memory holds with another translation; unspecified leaves it to the server.</param>
/// <param name="SourceLang"><c>ko</c>, <c>en</c>, or empty for the server's choice.</param>
/// <param name="ResumeImportId">The interrupted import to carry on with (<c>--resume</c>); 0 starts a new one.</param>
internal sealed record FileImportRequest(string Path, InputFormat Format, string Memory, UpdatePolicy Policy, string SourceLang, long ResumeImportId)
{
    /// <summary>The <c>format</c> field: <c>tmx</c>, <c>tsv</c>, <c>csv</c> or <c>xliff</c>.</summary>
    public string FormatName => Format switch
    {
        InputFormat.Tmx => "tmx",
        InputFormat.Tsv => "tsv",
        InputFormat.Csv => "csv",
        InputFormat.Xliff => "xliff",
        _ => throw new InvalidOperationException($"{Format} files do not go through ImportFile."),
    };
}
