using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>
/// The lookup page: a sentence typed or pasted, its matches with score, the differences from the sentence, fragments,
/// the adapted target and what changed in it, origin and dates. The page's script asks <see cref="OnGetResultsAsync"/>
/// for the matches as the translator types (never mid-composition of a Hangul syllable).
/// </summary>
public sealed class IndexModel : TmPageModel
{
    /// <summary>The sentence to match.</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Text { get; set; }

    /// <summary>The memory; empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary><c>ko</c>, <c>en</c>, or empty to detect the sentence's language.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>The lowest score shown; 0 for the memory's default.</summary>
    [BindProperty(Name = "min", SupportsGet = true)]
    public double MinScore { get; set; }

    /// <summary>The answer; null before a lookup, or when it failed.</summary>
    public LookupResponse? Result { get; private set; }

    /// <summary>Looks the sentence up, if there is one, and shows the page.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LookupAsync();
        return Page();
    }

    /// <summary>The matches alone, for the page's script (HTML to put in place of the previous ones).</summary>
    public async Task<IActionResult> OnGetResultsAsync()
    {
        await LookupAsync();
        // The fragment carries the message; a 4xx would also put a line in the console of a translator who only typed
        // a comma so far. A failed sign-in still answers 401, for the script to reload into the sign-in page.
        if (Response.StatusCode != StatusCodes.Status401Unauthorized)
            Response.StatusCode = StatusCodes.Status200OK;
        return Partial("_LookupResults", this);
    }

    /// <summary>The text of a score: <c>100%</c>, <c>87.5%</c>.</summary>
    public static string Percent(double score) => score.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private async Task LookupAsync()
    {
        if (string.IsNullOrWhiteSpace(Text))
            return;
        try
        {
            Result = await Calls.UnaryAsync(HttpContext, "Lookup", new LookupRequest
            {
                Memory = Memory ?? "",
                Text = Text,
                SourceLang = Lang ?? "",
                MinScore = MinScore,
                MaxResults = 10,
            }, (s, r, c) => s.Lookup(r, c));
        }
        catch (RpcException e)
        {
            Fail(e);
        }
    }
}
