using Lucene.Net.Store;

namespace TM.Search.Tests;

/// <summary>
/// An index directory on disk whose merges can be made to fail the way a full disk fails them: every file a merge
/// creates throws "No space left on device" while <see cref="FailMerges"/> is set. Flushes and commits still write.
/// </summary>
internal sealed class FaultyDirectory(string path) : MMapDirectory(new DirectoryInfo(path))
{
    public volatile bool FailMerges;

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        if (FailMerges && context.Context == IOContext.UsageContext.MERGE)
        {
            throw new IOException($"No space left on device: {name}");
        }

        return base.CreateOutput(name, context);
    }
}
