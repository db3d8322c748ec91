using System.Runtime.CompilerServices;
using TM.Server.Memory;

namespace TM.Server.Terminology;

/// <content>
/// Term recognition: one <see cref="Termbase"/> per memory, built once and rebuilt when the memory's termbase changes,
/// so that a lookup never reads the store for terms.
/// </content>
public sealed partial class TermbaseCatalog
{
    // Keyed by the memory's index object, not its id: a memory deleted and another created under a reused id get
    // different objects, so a deleted memory's termbase can never answer for the new one; it goes with its index.
    private readonly ConditionalWeakTable<MemoryIndex, Builds> _termbases = [];

    /// <summary>
    /// <paramref name="memory"/>'s termbase as of its last change: at once when it is built (every lookup but the first
    /// after a change), else once the build that the change started has finished.
    /// </summary>
    public Task<Termbase> ForAsync(MemoryIndex memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return BuildsOf(memory).Latest();
    }

    // A write committed: build the termbase again in the background, off the request path of lookups; the next lookup
    // awaits that build (a lookup that started before the write may still get the previous termbase).
    private void Changed(MemoryIndex memory) => BuildsOf(memory).Restart();

    // Asked on every lookup: the lookup of an existing entry allocates nothing.
    private Builds BuildsOf(MemoryIndex memory) =>
        _termbases.TryGetValue(memory, out var builds) ? builds : _termbases.GetValue(memory, m => new Builds(() => new Termbase(_store.ReadTerms(m.Info.Id))));

    /// <summary>The builds of one memory's termbase: the newest one is what lookups get.</summary>
    private sealed class Builds(Func<Termbase> build)
    {
        private readonly Lock _gate = new();
        private Task<Termbase>? _latest;

        public Task<Termbase> Latest()
        {
            lock (_gate)
            {
                // A build that failed (the store could not be read) is tried again by the next call rather than kept.
                if (_latest is null || _latest.IsFaulted)
                    _latest = Task.Run(build);
                return _latest;
            }
        }

        // Each build reads the store after the commit that started it, so the newest build holds every write before
        // it; an older build still running is left to finish and be dropped.
        public void Restart()
        {
            lock (_gate)
                _latest = Task.Run(build);
        }
    }
}
