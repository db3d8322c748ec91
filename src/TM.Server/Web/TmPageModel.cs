using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using TM.Protos.V1;
using TM.Server.Security;
using TM.Server.Web.Calls;

namespace TM.Server.Web;

/// <summary>
/// What every page of the web UI shares: the signed-in <see cref="Security.Caller"/>, the service calls, the memories
/// the caller may use, and a failed call shown as its message with the matching HTTP status.
/// </summary>
public abstract class TmPageModel : PageModel
{
    private IReadOnlyList<MemoryDescription>? _memories;

    /// <summary>The key the page is used with; <see cref="Caller.OpenAccess"/> on a server without keys.</summary>
    /// <exception cref="InvalidOperationException">The request is not signed in: a page outside the sign-in policy asked.</exception>
    public Caller Caller => (User.Identity as CallerIdentity)?.Caller
        ?? throw new InvalidOperationException("The request is not signed in; only pages behind the sign-in policy know their caller.");

    /// <summary>Whether the caller may change pairs, terms and imports (the write role); a read key sees no such buttons.</summary>
    public bool CanWrite => Caller.Role >= AccessRole.Write;

    /// <summary>Why the last call failed, for the page to show; null when nothing failed.</summary>
    public WebFailure? Failure { get; private set; }

    /// <summary>The service's methods, run in process.</summary>
    protected ServiceCalls Calls => HttpContext.RequestServices.GetRequiredService<ServiceCalls>();

    /// <summary>The memories the caller may use, in the order the server made them.</summary>
    public async Task<IReadOnlyList<MemoryDescription>> MemoriesAsync()
    {
        if (_memories is null)
        {
            try
            {
                _memories = (await Calls.UnaryAsync(HttpContext, "ListMemories", new ListMemoriesRequest(), (s, r, c) => s.ListMemories(r, c))).Memories;
            }
            catch (RpcException e)
            {
                Fail(e);
                _memories = [];
            }
        }
        return _memories;
    }

    /// <summary>Shows <paramref name="exception"/>'s message on the page, answered with the HTTP status that matches its gRPC status.</summary>
    protected IActionResult Failed(RpcException exception)
    {
        Fail(exception);
        return Page();
    }

    /// <summary>Records the failure without choosing the result (for a page that still shows what it has).</summary>
    protected void Fail(RpcException exception)
    {
        Failure = WebFailure.Of(exception);
        Response.StatusCode = Failure.HttpStatus;
    }

    /// <summary>
    /// Refuses a change (403 with a page saying why) unless the caller has the write role; the service refuses it too,
    /// so this only spares the caller a round through it. Null when the caller may write.
    /// </summary>
    protected IActionResult? RefuseUnlessWriter()
    {
        if (CanWrite)
            return null;
        Failure = new WebFailure(StatusCodes.Status403Forbidden,
            $"The key '{Caller.Name}' has the {AccessPolicies.NameOf(Caller.Role)} role; changing the memory needs the write role. Ask an administrator for a write key.");
        Response.StatusCode = Failure.HttpStatus;
        return Page();
    }
}
