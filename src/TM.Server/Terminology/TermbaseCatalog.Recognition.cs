using System.Diagnostics;
using System.Runtime.CompilerServices;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Terminology;

/// <content>
/// Term recognition: one <see cref="Termbase"/> per memory, built once and rebuilt when the memory's termbase changes,
/// so that a lookup never reads the store for terms. On a shared store, where other servers change termbases too, a
/// termbase older than <see cref="SharedRefreshAfter"/> is rebuilt in the background while lookups go on with it, and
/// while the database is down lookups keep the last one built.
/// </content>
public sealed partial class TermbaseCatalog
{
    /// <summary>On a shared store, how old a termbase may be before a lookup starts rebuilding it (without waiting for it).</summary>
    public static readonly TimeSpan SharedRefreshAfter = TimeSpan.FromSeconds(5);

    // Keyed by the memory's index object, not its id: a memory deleted and another created under a reused id get
    // different objects, so a deleted memory's termbase can never answer for the new one; it goes with its index.
    private readonly ConditionalWeakTable<MemoryIndex, Builds> _termbases = [];

    /// <summary>
    /// <paramref name="memory"/>'s termbase as of its last change: at once when it is built (every lookup but the first
    /// after a change), else once the build that the change started has finished. On a shared store that cannot be
    /// reached, the last termbase built, or an empty one when none was.
    /// </summary>
    public async Task<Termbase> ForAsync(MemoryIndex memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        try
        {
            return await BuildsOf(memory).Latest();
        }
        catch (Exception e) when (_store is ISharedSegmentStore && SharedStoreFailure.IsUnreachable(e))
        {
            return Termbase.Empty;
        }
    }

    // A write committed: build the termbase again in the background, off the request path of lookups; the next lookup
    // awaits that build (a lookup that started before the write may still get the previous termbase).
    private void Changed(MemoryIndex memory) => BuildsOf(memory).Restart();

    // Asked on every lookup: the lookup of an existing entry allocates nothing.
    private Builds BuildsOf(MemoryIndex memory) =>
        _termbases.TryGetValue(memory, out var builds)
            ? builds
            : _termbases.GetValue(memory, m => new Builds(() => new Termbase(_store.ReadTerms(m.Info.Id)), _store is ISharedSegmentStore));

    /// <summary>The builds of one memory's termbase: the newest one is what lookups get.</summary>
    private sealed class Builds(Func<Termbase> build, bool shared)
    {
        private readonly Lock _gate = new();
        private Task<Termbase>? _latest;
        // The last build that succeeded and when it started: what lookups get while a background refresh runs or fails.
        private Task<Termbase>? _good;
        private long _goodStarted;
        private long _latestStarted;
        // True after a change made here: lookups wait for the build that holds it (they read their own writes).
        private bool _mustWait = true;

        public Task<Termbase> Latest()
        {
            lock (_gate)
            {
                if (_latest is { IsCompletedSuccessfully: true })
                {
                    _good = _latest;
                    _goodStarted = _latestStarted;
                    _mustWait = false;
                    if (shared && Stopwatch.GetElapsedTime(_goodStarted) >= SharedRefreshAfter)
                        Start();
                    return _good;
                }
                // A build that failed (the store could not be read) is tried again by the next call rather than kept.
                if (_latest is null || _latest.IsFaulted)
                {
                    if (_latest is not null && _good is not null && !_mustWait)
                    {
                        if (Stopwatch.GetElapsedTime(_latestStarted) >= SharedRefreshAfter)
                            Start();
                        return _good;
                    }
                    Start();
                }
                return _mustWait || _good is null ? _latest! : _good;
            }
        }

        // Each build reads the store after the commit that started it, so the newest build holds every write before
        // it; an older build still running is left to finish and be dropped.
        public void Restart()
        {
            lock (_gate)
            {
                _mustWait = true;
                Start();
            }
        }

        private void Start()
        {
            _latestStarted = Stopwatch.GetTimestamp();
            _latest = Task.Run(build);
        }
    }
}
