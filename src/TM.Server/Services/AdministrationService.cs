using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Memory;

namespace TM.Server.Services;

/// <summary>
/// The <c>tm.v1.Administration</c> service: API keys and online backups. Every method needs the admin role, which the
/// authorization layer checks before a method runs.
/// </summary>
public sealed partial class AdministrationService(TranslationMemoryCatalog catalog) : Administration.AdministrationBase
{
    private readonly TranslationMemoryCatalog _catalog = catalog;
}
