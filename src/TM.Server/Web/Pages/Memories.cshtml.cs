using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;

namespace TM.Server.Web.Pages;

/// <summary>The memories the key may use, with their counts, and the way to browse, import into and export each.</summary>
public sealed class MemoriesModel : TmPageModel
{
    /// <summary>Each memory's counts; empty when the call failed.</summary>
    public IReadOnlyList<MemoryStats> Stats { get; private set; } = [];

    /// <summary>Shows the memories.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Stats = (await Calls.UnaryAsync(HttpContext, "GetStats", new GetStatsRequest(), (s, r, c) => s.GetStats(r, c))).Memories;
            return Page();
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>The memory as a TMX file, streamed as the service writes it.</summary>
    /// <param name="memory">The memory's name.</param>
    public async Task<IActionResult> OnGetExportAsync(string? memory)
    {
        var name = string.IsNullOrEmpty(memory) ? "default" : memory;
        var started = false;
        try
        {
            await Calls.ServerStreamingAsync<ExportTmxRequest, ExportTmxChunk>(HttpContext, "ExportTmx", new ExportTmxRequest { Memory = memory ?? "" }, async chunk =>
            {
                if (!started)
                {
                    started = true;
                    Response.ContentType = "application/x-tmx+xml";
                    Response.Headers.ContentDisposition = $"attachment; filename=\"{FileNames.Safe(name)}.tmx\"";
                }
                await Response.Body.WriteAsync(chunk.Chunk.Memory, HttpContext.RequestAborted);
            }, (s, r, w, c) => s.ExportTmx(r, w, c));
            return new EmptyResult();
        }
        catch (RpcException e) when (!started)
        {
            await OnGetAsync();
            return Failed(e);
        }
    }
}
