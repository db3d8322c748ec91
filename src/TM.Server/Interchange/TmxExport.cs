using System.Globalization;
using TM.Interchange;
using TM.Server.Memory;

namespace TM.Server.Interchange;

/// <summary>Writes a memory as a TMX 1.4b file, oldest segment first.</summary>
internal static class TmxExport
{
    /// <summary>
    /// Writes every segment of <paramref name="memory"/> to <paramref name="output"/>, streamed from the store: one unit
    /// in memory at a time, plus the writer's 64 KB buffer.
    /// </summary>
    /// <exception cref="SegmentExportException">A segment holds something TMX cannot carry; the file is left unfinished.</exception>
    public static async Task WriteAsync(TranslationMemoryCatalog catalog, MemoryIndex memory, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new TmxWriter(output);
        foreach (var record in catalog.ReadAllRecords(memory))
        {
            var segment = record.Segment;
            try
            {
                await writer.WriteUnitAsync(TmxSegmentMapper.ToUnit(record), cancellationToken);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new SegmentExportException(
                    $"Segment {segment.Id.ToString(CultureInfo.InvariantCulture)} of memory '{memory.Info.Name}' cannot be written as TMX: {e.Message}", e);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
