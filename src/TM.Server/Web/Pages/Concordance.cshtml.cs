using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>Concordance: a word or phrase in either side of the memory, hits with the term highlighted on both sides, filters and paging.</summary>
public sealed class ConcordanceModel : TmPageModel
{
    /// <summary>Hits per page.</summary>
    public const int PageSize = 25;

    /// <summary>The word or phrase.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Term { get; set; }

    /// <summary>The memory; empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary><c>ko</c>, <c>en</c>, or empty for both sides.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>Only pairs from this origin (document name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    /// <summary>Only pairs created by this key.</summary>
    [BindProperty(Name = "by", SupportsGet = true)]
    public string? CreatedBy { get; set; }

    /// <summary>Only pairs changed on or after this date (yyyy-mm-dd).</summary>
    [BindProperty(Name = "after", SupportsGet = true)]
    public string? ChangedAfter { get; set; }

    /// <summary>Only pairs changed before this date (yyyy-mm-dd).</summary>
    [BindProperty(Name = "before", SupportsGet = true)]
    public string? ChangedBefore { get; set; }

    /// <summary>Also the English word's other forms.</summary>
    [BindProperty(Name = "forms", SupportsGet = true)]
    public bool WordForms { get; set; }

    /// <summary>The page token of the page shown; empty for the first.</summary>
    [BindProperty(Name = "next", SupportsGet = true)]
    public string? PageToken { get; set; }

    /// <summary>The answer; null before a search or when it failed.</summary>
    public ConcordanceResponse? Result { get; private set; }

    /// <summary>Searches, if there is a term, and shows the page.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Term))
            return Page();
        try
        {
            Result = await Calls.UnaryAsync(HttpContext, "Concordance", new ConcordanceRequest
            {
                Memory = Memory ?? "",
                Term = Term,
                Lang = Lang ?? "",
                Origin = Origin ?? "",
                CreatedBy = CreatedBy ?? "",
                ChangedAfter = Filters.Date(ChangedAfter),
                ChangedBefore = Filters.Date(ChangedBefore),
                MatchWordForms = WordForms,
                MaxResults = PageSize,
                PageToken = PageToken ?? "",
            }, (s, r, c) => s.Concordance(r, c));
            return Page();
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>The address of the next page: this search with the page token.</summary>
    public string NextPage(string token)
    {
        var query = System.Web.HttpUtility.ParseQueryString(Request.QueryString.Value ?? "");
        query["next"] = token;
        return "/concordance?" + query;
    }
}
