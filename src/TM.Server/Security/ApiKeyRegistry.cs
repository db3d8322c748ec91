using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Security;

/// <summary>
/// The one door to API keys: creates, lists and revokes them, tells who a secret belongs to, and decides at start how
/// a server without keys is reached. Secrets are never kept: the store holds their SHA-256, and the cache here is keyed
/// by it too.
/// </summary>
public sealed class ApiKeyRegistry
{
    /// <summary>Longest key name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The name of the key a server creates for itself at first start (<see cref="Bootstrap"/>).</summary>
    public const string BootstrapKeyName = "admin";

    private readonly ISegmentStore _store;
    private readonly ILogger<ApiKeyRegistry> _logger;
    /// <summary>
    /// On a shared store, how long a key read from it is trusted before it is read again: another server may have
    /// revoked or created keys, and it cannot clear this one's cache.
    /// </summary>
    public static readonly TimeSpan SharedStoreRecheck = TimeSpan.FromSeconds(1);

    // Verified secrets by hash: a call costs a SHA-256 (~0.5 µs) and a lookup, not a query. Null marks an unknown or
    // revoked secret, so a client retrying a bad key does not query either. Cleared whenever a key changes here; on a
    // shared store also read again once older than SharedStoreRecheck.
    private readonly ConcurrentDictionary<string, (Caller? Caller, long ReadAt)> _callers = new(StringComparer.Ordinal);
    private readonly bool _shared;
    // The same, by key name, for the web UI's sign-in cookie, which carries the name and never the secret; cleared with it.
    private readonly ConcurrentDictionary<string, (Caller? Caller, long ReadAt)> _named = new(StringComparer.Ordinal);
    private volatile bool _openAccess;
    private long _openAccessCheckedAt;

    /// <summary>Creates the registry over the store.</summary>
    public ApiKeyRegistry(ISegmentStore store, ILogger<ApiKeyRegistry> logger)
    {
        _store = store;
        _logger = logger;
        _shared = store is ISharedSegmentStore;
    }

    /// <summary>
    /// True while the server has no keys and listens on loopback only: every local call is <see cref="Caller.OpenAccess"/>
    /// (the quick start). Creating the first key ends it, on every server sharing the store.
    /// </summary>
    public bool OpenAccess
    {
        get
        {
            if (_openAccess && _shared && Stopwatch.GetElapsedTime(Interlocked.Read(ref _openAccessCheckedAt)) >= SharedStoreRecheck)
            {
                Interlocked.Exchange(ref _openAccessCheckedAt, Stopwatch.GetTimestamp());
                try
                {
                    if (_store.HasKeys())
                        _openAccess = false;
                }
                catch (Exception e) when (SharedStoreFailure.IsUnreachable(e))
                {
                    // The shared database is down: as it was a second ago, until it answers.
                }
            }
            return _openAccess;
        }
    }

    /// <summary>
    /// Decides, at start, how the server is reached: with the keys it has; with <paramref name="adminSecret"/> stored as
    /// the first key, when it has none and one is given; with a new admin key when it has none and serves the network
    /// (returned, for the server to show once); or openly, when it has none and serves loopback only.
    /// </summary>
    /// <param name="adminSecret">An admin secret the operator chose (<c>--admin-key-file</c>, <c>TM_ADMIN_KEY</c>), or null.</param>
    /// <param name="loopbackOnly">Whether the server listens on loopback only.</param>
    /// <returns>The secret of a key made here that nobody has seen yet; null otherwise.</returns>
    /// <exception cref="ArgumentException"><paramref name="adminSecret"/> is too short to be a secret.</exception>
    public string? Bootstrap(string? adminSecret, bool loopbackOnly)
    {
        if (_store.HasKeys())
        {
            if (adminSecret is not null)
                SecurityLog.AdminKeyIgnored(_logger);
            return null;
        }
        if (adminSecret is not null)
        {
            if (adminSecret.Length < ApiKeySecret.MinimumLength)
                throw new ArgumentException($"The admin key given (--admin-key-file or TM_ADMIN_KEY) is {adminSecret.Length} characters long; use at least {ApiKeySecret.MinimumLength} random characters, or leave it out and the server makes one.");
            Store(adminSecret, new ApiKeyRecord(BootstrapKeyName, AccessPolicies.Admin, [], default, "", null));
            SecurityLog.KeyCreated(_logger, BootstrapKeyName, AccessPolicies.Admin, "the operator's admin key");
            return null;
        }
        if (!loopbackOnly)
        {
            var secret = ApiKeySecret.New();
            Store(secret, new ApiKeyRecord(BootstrapKeyName, AccessPolicies.Admin, [], default, "", null));
            SecurityLog.KeyCreated(_logger, BootstrapKeyName, AccessPolicies.Admin, "the server, at its first start on the network");
            return secret;
        }
        _openAccess = true;
        SecurityLog.OpenAccess(_logger);
        return null;
    }

    /// <summary>The caller whose key has this secret; null when no valid key has it (unknown, or revoked).</summary>
    public Caller? Authenticate(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var hash = ApiKeySecret.Hash(secret);
        return Cached(_callers, Convert.ToHexString(hash), () => _store.FindKey(hash));
    }

    /// <summary>
    /// The caller of the valid key called <paramref name="name"/>; null when there is none (never made, or revoked). The
    /// web UI asks on every request, so a revoked key's sign-in stops working at once; a key's name is never reused.
    /// </summary>
    public Caller? Named(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cached(_named, name, () => _store.ListKeys().FirstOrDefault(k => k.Name == name && k.Revoked is null));
    }

    // The caller a cache holds for the key, read from the store when missing, or, on a shared store, older than
    // SharedStoreRecheck; while a shared store is down, what was read last.
    private Caller? Cached(ConcurrentDictionary<string, (Caller? Caller, long ReadAt)> cache, string id, Func<ApiKeyRecord?> read)
    {
        var cached = cache.TryGetValue(id, out var known);
        if (cached && (!_shared || Stopwatch.GetElapsedTime(known.ReadAt) < SharedStoreRecheck))
            return known.Caller;
        Caller? caller;
        try
        {
            var record = read();
            caller = record is null || record.Revoked is not null ? null : ToCaller(record);
        }
        catch (Exception e) when (cached && _shared && SharedStoreFailure.IsUnreachable(e))
        {
            // The shared database is down: a key this server has verified keeps working for the reads it still serves.
            return known.Caller;
        }
        cache[id] = (caller, Stopwatch.GetTimestamp());
        return caller;
    }

    /// <summary>Creates a key and returns it with its secret, which is shown once and kept nowhere.</summary>
    /// <param name="name">Letters, digits, '-', '_' and '.', at most <see cref="MaxNameLength"/> characters; new.</param>
    /// <param name="role">What it may do.</param>
    /// <param name="memories">The memories it may use (names as given, need not exist yet); empty for all.</param>
    /// <param name="createdBy">The name of the key that creates it.</param>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    /// <exception cref="KeyConflictException">A key of that name exists (revoked keys keep their names).</exception>
    public (ApiKeyRecord Key, string Secret) Create(string name, AccessRole role, IReadOnlyList<string> memories, string createdBy)
    {
        CheckName(name);
        var secret = ApiKeySecret.New();
        var key = Store(secret, new ApiKeyRecord(name, AccessPolicies.NameOf(role), memories.Select(SegmentStore.NormalizeMemoryName).Distinct().ToList(), default, createdBy, null));
        SecurityLog.KeyCreated(_logger, name, key.Role, createdBy.Length == 0 ? "a local client (no keys yet)" : $"key '{createdBy}'");
        return (key, secret);
    }

    /// <summary>Every key, oldest first, revoked ones included; never their secrets.</summary>
    public IReadOnlyList<ApiKeyRecord> List() => _store.ListKeys();

    /// <summary>Revokes the key called <paramref name="name"/>: calls made with it are refused from now on.</summary>
    /// <exception cref="UnknownKeyException">There is no such key.</exception>
    public ApiKeyRecord Revoke(string name, string revokedBy)
    {
        var key = _store.RevokeKey(name) ?? throw new UnknownKeyException(name);
        Forget();
        SecurityLog.KeyRevoked(_logger, name, revokedBy.Length == 0 ? "a local client" : $"key '{revokedBy}'");
        return key;
    }

    /// <summary>Forgets the keys it has read: their memories changed in the store (a memory was renamed).</summary>
    public void Reload() => Forget();

    private void Forget()
    {
        _callers.Clear();
        _named.Clear();
    }

    private ApiKeyRecord Store(string secret, ApiKeyRecord key)
    {
        try
        {
            var stored = _store.CreateKey(ApiKeySecret.Hash(secret), key);
            _openAccess = false;
            Forget();
            return stored;
        }
        catch (InvalidOperationException e)
        {
            throw new KeyConflictException(e.Message);
        }
    }

    private static Caller ToCaller(ApiKeyRecord record) =>
        new(record.Name, AccessPolicies.Parse(record.Role) ?? AccessRole.Read, [.. record.Memories]);

    private static void CheckName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ArgumentException($"The key name '{name}' is not 1 to {MaxNameLength} letters, digits, '-', '_' or '.'.");
    }
}
