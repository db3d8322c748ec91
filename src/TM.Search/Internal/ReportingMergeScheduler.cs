using Lucene.Net.Index;

namespace TM.Search.Internal;

/// <summary>
/// Lucene's <see cref="ConcurrentMergeScheduler"/>, except that a background merge that fails (a full disk, an I/O
/// error) is reported to the index's owner as it happens.
/// </summary>
/// <remarks>
/// The base class rethrows the failure on its merge thread, and Lucene.Net's merge threads (J2N ThreadJob) catch it and
/// keep it for whoever joins the thread; while the index is open nobody does, so the failure went unseen. By the time
/// this is called the writer has removed the merge's partial files and kept the segments it was merging: the index
/// stays whole and searchable, and Lucene tries the merge again after a later flush.
/// </remarks>
internal sealed class ReportingMergeScheduler(Action<Exception> failed) : ConcurrentMergeScheduler
{
    // The base class's pause too: a fault that lasts (a full disk) would otherwise have merges retried in a busy loop.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    protected override void HandleMergeException(Exception exc)
    {
        Thread.Sleep(Pause);
        failed(exc);
    }
}
