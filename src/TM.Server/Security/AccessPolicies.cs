using Microsoft.AspNetCore.Authorization;

namespace TM.Server.Security;

/// <summary>
/// The authorization policies the services name in <c>[Authorize(Policy = …)]</c>, one per <see cref="AccessRole"/>:
/// a caller passes the policy of its own role and of every role below it. The memories a key may use are checked by
/// the services, which know the memory a call names (<see cref="Caller.Require"/>).
/// </summary>
public static class AccessPolicies
{
    /// <summary>Read, write or admin.</summary>
    public const string Read = "read";

    /// <summary>Write or admin.</summary>
    public const string Write = "write";

    /// <summary>Admin.</summary>
    public const string Admin = "admin";

    /// <summary>The name a role goes by in policies, claims, the database and messages.</summary>
    public static string NameOf(AccessRole role) => role switch
    {
        AccessRole.Read => Read,
        AccessRole.Write => Write,
        _ => Admin,
    };

    /// <summary>The role called <paramref name="name"/>; null for any other text.</summary>
    public static AccessRole? Parse(string? name) => name switch
    {
        Read => AccessRole.Read,
        Write => AccessRole.Write,
        Admin => AccessRole.Admin,
        _ => null,
    };

    /// <summary>Registers the three policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A caller carries a role claim for its role and each one below it (Caller.ToPrincipal), so each policy is one check.
        options.AddPolicy(Read, policy => policy.RequireRole(Read));
        options.AddPolicy(Write, policy => policy.RequireRole(Write));
        options.AddPolicy(Admin, policy => policy.RequireRole(Admin));
    }
}
