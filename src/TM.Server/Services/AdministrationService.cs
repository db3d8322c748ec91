using Microsoft.AspNetCore.Authorization;
using TM.Protos.V1;
using TM.Server.Memory;
using TM.Server.Security;

namespace TM.Server.Services;

/// <summary>
/// The <c>tm.v1.Administration</c> service: API keys and online backups. Every method needs the admin role, checked
/// before it runs.
/// </summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed partial class AdministrationService(TranslationMemoryCatalog catalog, ApiKeyRegistry keys) : Administration.AdministrationBase
{
    private readonly TranslationMemoryCatalog _catalog = catalog;
    private readonly ApiKeyRegistry _keys = keys;
}
