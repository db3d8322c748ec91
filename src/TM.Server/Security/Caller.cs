using System.Collections.Frozen;
using System.Security.Claims;
using Grpc.Core;
using TM.Storage;

namespace TM.Server.Security;

/// <summary>
/// Who makes a call: the API key's name, its role and the memories it may use. Services ask it before touching a
/// memory (<see cref="Require"/>) and record its name with every write.
/// </summary>
public sealed class Caller
{
    private readonly FrozenSet<string>? _memories;

    /// <summary>Creates a caller.</summary>
    /// <param name="name">The key's name; empty for <see cref="OpenAccess"/>.</param>
    /// <param name="role">What the key may do.</param>
    /// <param name="memories">The memories it may use (names as the store keeps them); empty for all.</param>
    public Caller(string name, AccessRole role, IReadOnlyCollection<string> memories)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(memories);
        Name = name;
        Role = role;
        _memories = memories.Count == 0 ? null : memories.Select(SegmentStore.NormalizeMemoryName).ToFrozenSet(StringComparer.Ordinal);
        Principal = ToPrincipal(this);
    }

    /// <summary>
    /// Anyone on the machine, on a server that has no keys and listens on loopback only (the quick start): every role,
    /// every memory, and no name to record.
    /// </summary>
    public static Caller OpenAccess { get; } = new("", AccessRole.Admin, []);

    /// <summary>The key's name, recorded as the author of what the caller writes; empty for <see cref="OpenAccess"/>.</summary>
    public string Name { get; }

    /// <summary>What the caller may do.</summary>
    public AccessRole Role { get; }

    /// <summary>The memories the caller may use; null for all of them.</summary>
    public IReadOnlySet<string>? Memories => _memories;

    /// <summary>The caller as ASP.NET Core sees it (<c>HttpContext.User</c>): its name, and a role claim for its role and each below it.</summary>
    public ClaimsPrincipal Principal { get; }

    /// <summary>The caller of a call, as authentication left it; <see cref="OpenAccess"/> when nothing authenticated it.</summary>
    public static Caller Of(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context.GetHttpContext().User.Identity as CallerIdentity)?.Caller ?? OpenAccess;
    }

    /// <summary>Whether the caller may use <paramref name="memory"/> (empty = the default memory).</summary>
    public bool CanUse(string? memory) => _memories is null || _memories.Contains(SegmentStore.NormalizeMemoryName(memory));

    /// <summary>Throws unless the caller has <paramref name="role"/> and may use <paramref name="memory"/>.</summary>
    /// <exception cref="AccessDeniedException">It may not; the message says what it lacks.</exception>
    public void Require(AccessRole role, string? memory)
    {
        if (Role < role)
            throw new AccessDeniedException($"The key '{Name}' has the {AccessPolicies.NameOf(Role)} role; this needs {AccessPolicies.NameOf(role)}.");
        if (!CanUse(memory))
        {
            throw new AccessDeniedException(
                $"The key '{Name}' may not use memory '{SegmentStore.NormalizeMemoryName(memory)}'; it may use {string.Join(", ", _memories!.Order(StringComparer.Ordinal).Select(m => $"'{m}'"))}.");
        }
    }

    private static ClaimsPrincipal ToPrincipal(Caller caller)
    {
        var identity = new CallerIdentity(caller);
        for (var role = AccessRole.Read; role <= caller.Role; role++)
            identity.AddClaim(new Claim(ClaimTypes.Role, AccessPolicies.NameOf(role)));
        return new ClaimsPrincipal(identity);
    }
}
