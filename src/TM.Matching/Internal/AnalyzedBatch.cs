using System.Buffers;
using System.Runtime.ExceptionServices;
using TM.Analysis;

namespace TM.Matching.Internal;

/// <summary>
/// The unit ids and fingerprints of a batch of texts, analyzed on worker threads. Texts go in blocks of
/// <see cref="BlockSize"/>, each block's units in one pooled arena: at a million segments an array per text was a
/// million objects (250 MB of Korean units) for the collector to trace. Blocks are handed out in order, so a
/// consumer can take block b as soon as it is done (<see cref="WaitForBlock"/>) while later blocks are analyzed.
/// </summary>
/// <remarks>Dispose stops the workers and returns the arenas to the pool; spans from <see cref="UnitsOf"/> are invalid after that.</remarks>
internal sealed class AnalyzedBatch : IDisposable
{
    /// <summary>Texts per block: a unit of parallel work and one arena.</summary>
    public const int BlockSize = 256;

    // Initial arena size per block: room for 48 units a text, about the mean of a Korean segment.
    private const int InitialArenaUnits = BlockSize * 48;

    private readonly IReadOnlyList<KeyValuePair<int, string>> _items;
    private readonly TermDictionary _terms;
    private readonly SingleCharTermIds _charIds;
    private readonly int[][] _arenas;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly ulong[] _fingerprints;
    private readonly bool[] _done;
    private readonly object _gate = new();
    private readonly Task[] _workers;
    // Blocks the workers may be ahead of the consumer: bounds the arenas alive at once (64 × 64 KB) so they are reused
    // from the pool. Without it a million-segment load kept 4,000 arenas alive, and the collector copied them from
    // generation to generation: a tenth of the load's time.
    private const int MaxAheadOfConsumer = 64;

    private readonly int _maxAhead;
    private int _nextBlock;
    private int _released;
    private ExceptionDispatchInfo? _failure;
    private bool _stopped;

    private AnalyzedBatch(IReadOnlyList<KeyValuePair<int, string>> items, TermDictionary terms, SingleCharTermIds charIds, int workers, bool consumedAsAnalyzed)
    {
        _maxAhead = consumedAsAnalyzed ? MaxAheadOfConsumer : int.MaxValue;
        _items = items;
        _terms = terms;
        _charIds = charIds;
        int count = items.Count;
        Blocks = (count + BlockSize - 1) / BlockSize;
        _arenas = new int[Blocks][];
        _done = new bool[Blocks];
        _starts = ArrayPool<int>.Shared.Rent(count);
        _lengths = ArrayPool<int>.Shared.Rent(count);
        _fingerprints = ArrayPool<ulong>.Shared.Rent(count);
        _workers = new Task[Math.Min(workers, Blocks)];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = Task.Run(Work);
        }
    }

    /// <summary>The number of blocks.</summary>
    public int Blocks { get; }

    /// <summary>
    /// Starts analyzing <paramref name="items"/> (interning new terms) on one worker per core and returns at once;
    /// take the blocks in order with <see cref="WaitForBlock"/>.
    /// </summary>
    public static AnalyzedBatch Start(IReadOnlyList<KeyValuePair<int, string>> items, TermDictionary terms, SingleCharTermIds charIds) =>
        new(items, terms, charIds, items.Count > BlockSize ? Environment.ProcessorCount : 0, consumedAsAnalyzed: true);

    /// <summary>Analyzes <paramref name="items"/> on the calling thread and, for more than one block, one worker per other core; returns when all are done.</summary>
    public static AnalyzedBatch Analyze(IReadOnlyList<KeyValuePair<int, string>> items, TermDictionary terms, SingleCharTermIds charIds)
    {
        var batch = new AnalyzedBatch(items, terms, charIds, items.Count > BlockSize ? Environment.ProcessorCount - 1 : 0, consumedAsAnalyzed: false);
        try
        {
            batch.Work();
            batch.WaitForBlock(batch.Blocks - 1);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until block <paramref name="block"/> and every block before it are analyzed (analyzing a block itself if
    /// no worker has taken it yet, so progress never depends on the thread pool); rethrows a worker's exception.
    /// </summary>
    public void WaitForBlock(int block)
    {
        if (block < 0)
        {
            return;
        }

        // Blocks are claimed in ascending order, so the only one this thread can usefully take is the next unclaimed one,
        // and it is the awaited one exactly when every worker is busy with later blocks or has not started.
        if (Volatile.Read(ref _nextBlock) <= block)
        {
            Work(untilBlock: block);
        }

        lock (_gate)
        {
            while (!IsDoneThrough(block))
            {
                _failure?.Throw();
                Monitor.Wait(_gate);
            }

            _failure?.Throw();
        }
    }

    /// <summary>
    /// Returns the arena of <paramref name="block"/>, whose items the consumer has copied, to the pool, and lets the
    /// workers run ahead again. Blocks are released in order.
    /// </summary>
    public void Release(int block)
    {
        lock (_gate)
        {
            if (_arenas[block] is { } arena)
            {
                ArrayPool<int>.Shared.Return(arena);
                _arenas[block] = null!;
            }

            _released = block + 1;
            Monitor.PulseAll(_gate);
        }
    }

    public ReadOnlySpan<int> UnitsOf(int item) => _arenas[item / BlockSize].AsSpan(_starts[item], _lengths[item]);

    public ulong FingerprintOf(int item) => _fingerprints[item];

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        try
        {
            Task.WaitAll(_workers);
        }
        catch (AggregateException)
        {
            // Work catches everything; nothing to report here.
        }

        for (int block = 0; block < _arenas.Length; block++)
        {
            if (_arenas[block] is { } arena)
            {
                ArrayPool<int>.Shared.Return(arena);
                _arenas[block] = null!;
            }
        }

        ArrayPool<int>.Shared.Return(_starts);
        ArrayPool<int>.Shared.Return(_lengths);
        ArrayPool<ulong>.Shared.Return(_fingerprints);
    }

    private bool IsDoneThrough(int block)
    {
        // Blocks finish nearly in order; checking from the awaited one down finds a missing one first.
        for (int b = block; b >= 0; b--)
        {
            if (!_done[b])
            {
                return false;
            }
        }

        return true;
    }

    private void Work() => Work(int.MaxValue);

    // Claims and analyzes blocks up to untilBlock until none are left, the batch fails or it is disposed.
    private void Work(int untilBlock)
    {
        while (true)
        {
            int block;
            lock (_gate)
            {
                while (!_stopped && _nextBlock < Blocks && _nextBlock - _released >= _maxAhead)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopped || _nextBlock >= Blocks || _nextBlock > untilBlock)
                {
                    return;
                }

                block = _nextBlock++;
            }

            try
            {
                AnalyzeBlock(block);
            }
            catch (Exception exception)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(exception);
                    _stopped = true;
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _done[block] = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void AnalyzeBlock(int block)
    {
        int[] arena = ArrayPool<int>.Shared.Rent(InitialArenaUnits);
        int fill = 0;
        (int first, int end) = (block * BlockSize, Math.Min(_items.Count, (block + 1) * BlockSize));
        try
        {
            for (int item = first; item < end; item++)
            {
                int[] before = arena;
                int count = UnitAnalysis.Analyze(_items[item].Value, _terms, _charIds, addNewTerms: true, ref arena, fill, out _fingerprints[item]);
                if (!ReferenceEquals(arena, before))
                {
                    // The collector grew the arena by doubling, which keeps a pool size; the old one goes back.
                    ArrayPool<int>.Shared.Return(before);
                }

                _starts[item] = fill;
                _lengths[item] = count;
                fill += count;
            }
        }
        finally
        {
            _arenas[block] = arena;
        }
    }
}
