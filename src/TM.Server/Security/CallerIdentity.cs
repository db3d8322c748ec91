using System.Security.Claims;

namespace TM.Server.Security;

/// <summary>The identity ASP.NET Core holds for a <see cref="Security.Caller"/>, so services get the caller back without reading claims.</summary>
public sealed class CallerIdentity : ClaimsIdentity
{
    /// <summary>Creates the identity of <paramref name="caller"/>, named after its key.</summary>
    public CallerIdentity(Caller caller)
        : base([new Claim(ClaimTypes.Name, caller?.Name ?? "")], ApiKeyAuthenticationHandler.SchemeName)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Caller = caller;
    }

    /// <summary>The caller.</summary>
    public Caller Caller { get; }
}
