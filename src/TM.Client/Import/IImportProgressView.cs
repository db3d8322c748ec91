using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// Shows a running import to the person who started it, driven by the server's acknowledgments: a live bar on a
/// terminal (<see cref="LiveImportProgressView"/>), a plain line every few seconds elsewhere
/// (<see cref="PlainImportProgressView"/>). Calls come from one import at a time, in order:
/// <see cref="Started"/>, then <see cref="Acknowledged"/> and <see cref="Note"/> any number of times, then
/// <see cref="Started"/> again for a retry, and <see cref="IAsyncDisposable.DisposeAsync"/> at the end.
/// </summary>
internal interface IImportProgressView : IAsyncDisposable
{
    /// <summary>A call of ImportFile starts sending the file (the first, or a retry resuming the import).</summary>
    /// <param name="totalBytes">The file's size, as announced to the server.</param>
    void Started(long totalBytes);

    /// <summary>The server acknowledged a committed batch, or (with <see cref="ImportProgress.Completed"/>) the whole file.</summary>
    void Acknowledged(ImportProgress progress);

    /// <summary>Something the person should read while the import runs (a retry), as plain text.</summary>
    void Note(string message);
}
