using System.Globalization;

namespace TM.Server.Memory;

/// <summary>A call names an import this server has no record of.</summary>
public sealed class UnknownImportException(long importId)
    : Exception($"Import {importId.ToString(CultureInfo.InvariantCulture)} does not exist; see ListImports for the imports this server has.")
{
    /// <summary>The id that was asked for.</summary>
    public long ImportId { get; } = importId;
}
