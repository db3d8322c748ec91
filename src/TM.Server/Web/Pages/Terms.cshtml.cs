using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>The memory's termbase: search it, add an entry, and have terms suggested from the pairs, each accepted with one click.</summary>
public sealed class TermsModel : TmPageModel
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 50;

    /// <summary>Suggestions asked for at once.</summary>
    public const int SuggestionCount = 30;

    /// <summary>The memory; empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary>Only entries holding this text.</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Filter { get; set; }

    /// <summary>The page token; empty for the first page.</summary>
    [BindProperty(Name = "next", SupportsGet = true)]
    public string? PageToken { get; set; }

    /// <summary>The Korean term of a new entry.</summary>
    [BindProperty]
    public string? Ko { get; set; }

    /// <summary>The English term of a new entry.</summary>
    [BindProperty]
    public string? En { get; set; }

    /// <summary>A note on a new entry.</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The entries of the page; null when the call failed.</summary>
    public ListTermsResponse? Entries { get; private set; }

    /// <summary>Suggested terms, after the reviewer asked for them.</summary>
    public SuggestTermsResponse? Suggestions { get; private set; }

    /// <summary>What the last action did.</summary>
    public string? Done { get; private set; }

    /// <summary>The memory's name as shown.</summary>
    public string MemoryName => string.IsNullOrEmpty(Memory) ? "default" : Memory;

    /// <summary>Lists the entries.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await ListAsync();
        return Page();
    }

    /// <summary>Adds the entry of the form.</summary>
    public Task<IActionResult> OnPostAddAsync() => AddAsync("");

    /// <summary>Adds a suggested pair of terms as an entry.</summary>
    public Task<IActionResult> OnPostAcceptAsync() => AddAsync("suggested from the memory's pairs");

    /// <summary>Suggests terms from the memory's pairs (one extraction runs at a time on the server; it may take seconds).</summary>
    public async Task<IActionResult> OnPostSuggestAsync()
    {
        try
        {
            Suggestions = await Calls.UnaryAsync(HttpContext, "SuggestTerms", new SuggestTermsRequest { Memory = Memory ?? "", MaxResults = SuggestionCount },
                (s, r, c) => s.SuggestTerms(r, c));
        }
        catch (RpcException e)
        {
            Fail(e);
        }
        await ListAsync();
        return Page();
    }

    private async Task<IActionResult> AddAsync(string source)
    {
        if (RefuseUnlessWriter() is { } refused)
        {
            await ListAsync();
            return refused;
        }
        try
        {
            var entry = await Calls.UnaryAsync(HttpContext, "AddTerm", new AddTermRequest
            {
                Memory = Memory ?? "",
                Entry = new TermEntry { Ko = Ko?.Trim() ?? "", En = En?.Trim() ?? "", Note = Note?.Trim() ?? "", Source = source },
            }, (s, r, c) => s.AddTerm(r, c));
            Done = $"Added {entry.Ko} = {entry.En}.";
            Ko = En = Note = null;
            ModelState.Clear();
        }
        catch (RpcException e)
        {
            Fail(e);
        }
        await ListAsync();
        return Page();
    }

    private async Task ListAsync()
    {
        try
        {
            Entries = await Calls.UnaryAsync(HttpContext, "ListTerms", new ListTermsRequest
            {
                Memory = Memory ?? "",
                Filter = Filter ?? "",
                PageToken = PageToken ?? "",
                PageSize = PageSize,
            }, (s, r, c) => s.ListTerms(r, c));
        }
        catch (RpcException e)
        {
            Fail(e);
        }
    }
}
