using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>A memory's pairs, a page at a time, filtered by origin, import, author and date of change.</summary>
public sealed class SegmentsModel : TmPageModel
{
    /// <summary>Pairs per page.</summary>
    public const int PageSize = 50;

    /// <summary>The memory; empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary>Only pairs from this origin.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    /// <summary>Only pairs of this import (its id); 0 for all.</summary>
    [BindProperty(Name = "import", SupportsGet = true)]
    public long ImportId { get; set; }

    /// <summary>Only pairs created by this key.</summary>
    [BindProperty(Name = "by", SupportsGet = true)]
    public string? CreatedBy { get; set; }

    /// <summary>Only pairs changed on or after this date.</summary>
    [BindProperty(Name = "after", SupportsGet = true)]
    public string? ChangedAfter { get; set; }

    /// <summary>Only pairs changed before this date.</summary>
    [BindProperty(Name = "before", SupportsGet = true)]
    public string? ChangedBefore { get; set; }

    /// <summary>The page token; empty for the first page.</summary>
    [BindProperty(Name = "next", SupportsGet = true)]
    public string? PageToken { get; set; }

    /// <summary>The page of pairs; null when the call failed.</summary>
    public ListSegmentsResponse? Result { get; private set; }

    /// <summary>The memory's name as shown.</summary>
    public string MemoryName => string.IsNullOrEmpty(Memory) ? "default" : Memory;

    /// <summary>Lists a page of pairs.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Result = await Calls.UnaryAsync(HttpContext, "ListSegments", new ListSegmentsRequest
            {
                Memory = Memory ?? "",
                Origin = Origin ?? "",
                ImportId = ImportId,
                CreatedBy = CreatedBy ?? "",
                ChangedAfter = Filters.Date(ChangedAfter),
                ChangedBefore = Filters.Date(ChangedBefore),
                MaxResults = PageSize,
                PageToken = PageToken ?? "",
            }, (s, r, c) => s.ListSegments(r, c));
            return Page();
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>The address of the next page: this listing with the page token.</summary>
    public string NextPage(string token)
    {
        var query = System.Web.HttpUtility.ParseQueryString(Request.QueryString.Value ?? "");
        query["next"] = token;
        return "/segments?" + query;
    }
}
