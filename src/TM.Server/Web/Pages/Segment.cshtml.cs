using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>
/// One pair: both sides, where it came from, its history, and, for a write key, a form to correct either side or delete
/// it. Edits carry the version they were made on, so a change made by someone else meanwhile is not overwritten: the
/// page then shows the pair as it is now, keeps the reviewer's text in the form, and asks again.
/// </summary>
public sealed class SegmentModel : TmPageModel
{
    /// <summary>The memory; empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary>The pair's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The Korean side as the form holds it.</summary>
    [BindProperty]
    public string? Ko { get; set; }

    /// <summary>The English side as the form holds it.</summary>
    [BindProperty]
    public string? En { get; set; }

    /// <summary>The version the edit was made on.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The pair as stored, with its history; null when it could not be read.</summary>
    public Segment? Pair { get; private set; }

    /// <summary>What the last action did, for the page to say.</summary>
    public string? Done { get; private set; }

    /// <summary>The memory's name as shown.</summary>
    public string MemoryName => string.IsNullOrEmpty(Memory) ? "default" : Memory;

    /// <summary>Shows the pair.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            await LoadAsync(keepForm: false);
            return Page();
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>Saves the corrected sides, if the pair is still at the version the form was made from.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (RefuseUnlessWriter() is { } refused)
            return await WithPairAsync(refused);
        try
        {
            var saved = await Calls.UnaryAsync(HttpContext, "UpdateSegment", new UpdateSegmentRequest
            {
                Memory = Memory ?? "",
                SegmentId = Id ?? "",
                Ko = Ko?.Trim() ?? "",
                En = En?.Trim() ?? "",
                Version = Version,
            }, (s, r, c) => s.UpdateSegment(r, c));
            return RedirectToPage("/Segment", new { memory = MemoryName, id = saved.SegmentId, saved = saved.Version });
        }
        catch (RpcException e)
        {
            Fail(e);
            return await WithPairAsync(Page(), keepForm: true);
        }
    }

    /// <summary>Deletes the pair, if it is still at the version the page showed.</summary>
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (RefuseUnlessWriter() is { } refused)
            return await WithPairAsync(refused);
        try
        {
            await Calls.UnaryAsync(HttpContext, "DeleteSegment", new DeleteSegmentRequest { Memory = Memory ?? "", SegmentId = Id ?? "", Version = Version },
                (s, r, c) => s.DeleteSegment(r, c));
            return RedirectToPage("/Segments", new { memory = MemoryName, deleted = Id });
        }
        catch (RpcException e)
        {
            Fail(e);
            return await WithPairAsync(Page(), keepForm: true);
        }
    }

    // The pair as it is now, beside a refusal or failure; a pair that cannot be read leaves the message alone.
    private async Task<IActionResult> WithPairAsync(IActionResult result, bool keepForm = false)
    {
        try
        {
            await LoadAsync(keepForm);
        }
        catch (RpcException)
        {
        }
        return result;
    }

    private async Task LoadAsync(bool keepForm)
    {
        Pair = await Calls.UnaryAsync(HttpContext, "GetSegment", new GetSegmentRequest { Memory = Memory ?? "", SegmentId = Id ?? "", IncludeHistory = true },
            (s, r, c) => s.GetSegment(r, c));
        if (!keepForm)
        {
            Ko = Pair.Ko;
            En = Pair.En;
        }
        Version = Pair.Version;
        if (Request.Query.TryGetValue("saved", out var saved) && saved == Pair.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            Done = $"Saved as version {Pair.Version}.";
    }
}
