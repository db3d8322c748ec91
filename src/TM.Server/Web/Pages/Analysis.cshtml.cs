using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using TM.Client.Pretranslation;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Services;

namespace TM.Server.Web.Pages;

/// <summary>
/// Analysis: a document (uploaded or pasted) run through Pretranslate, its band report as a table and a bar chart, and
/// the pretranslated XLIFF 2.0 file `tm pretranslate` writes, for download. The document stays in the form after an
/// analysis, so the download needs no second upload.
/// </summary>
public sealed class AnalysisModel : TmPageModel
{
    // A document's UTF-8 bytes: at most 4 per character of the longest text Pretranslate takes.
    private const long MaxUploadBytes = 4L * TranslationMemoryService.MaxPretranslateCharacters;

    /// <summary>The document's text, as pasted or as read from the upload.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>The document's name, shown in the report and written in the XLIFF file.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>The memory to analyse against; empty for the default one.</summary>
    [BindProperty]
    public string? Memory { get; set; }

    /// <summary>An uploaded document, which takes the place of <see cref="Text"/>.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The report; null before an analysis or when it failed.</summary>
    public AnalysisReport? Report { get; private set; }

    /// <summary>The report's rows, as CAT tools order them (a document's report has no cross-file repetitions).</summary>
    public static IReadOnlyList<AnalysisBand> Bands { get; } = [.. BandNames.ReportOrder.Where(b => b != AnalysisBand.CrossFileRepetition)];

    /// <summary>The label of a row: <c>100%</c>, <c>95-99%</c>, <c>Repetitions</c>….</summary>
    public static string Label(AnalysisBand band) => BandNames.Label(band);

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Analyses the document and shows the report.</summary>
    public async Task<IActionResult> OnPostAnalyseAsync()
    {
        try
        {
            var request = await RequestAsync();
            await Calls.ServerStreamingAsync<PretranslateRequest, PretranslateResponse>(HttpContext, "Pretranslate", request, response =>
            {
                if (response.Report is { } report)
                    Report = report;
                return Task.CompletedTask;
            }, (s, r, w, c) => s.Pretranslate(r, w, c));
            return Page();
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
    }

    /// <summary>The document pretranslated as XLIFF 2.0: each sentence a unit with its best match, band and score.</summary>
    public async Task<IActionResult> OnPostXliffAsync()
    {
        var sentences = new List<PretranslatedSentence>();
        AnalysisReport? report = null;
        try
        {
            var request = await RequestAsync();
            // Held until the end, as `tm pretranslate` holds them: at most DocumentPretranslator.MaxSentences.
            await Calls.ServerStreamingAsync<PretranslateRequest, PretranslateResponse>(HttpContext, "Pretranslate", request, response =>
            {
                if (response.Sentence is { } sentence)
                    sentences.Add(sentence);
                if (response.Report is { } done)
                    report = done;
                return Task.CompletedTask;
            }, (s, r, w, c) => s.Pretranslate(r, w, c));
        }
        catch (RpcException e)
        {
            return Failed(e);
        }
        // XmlWriter writes synchronously: into a buffer that spills to a temporary file past 32 KB, then out.
        await using var buffer = new FileBufferingWriteStream();
        WriteXliff(buffer, report!, sentences);
        Response.ContentType = "application/xliff+xml";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{FileNames.Safe(Path.GetFileNameWithoutExtension(report!.Name.Length > 0 ? report.Name : "document"))}.xlf\"";
        await buffer.DrainBufferAsync(Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }

    private static void WriteXliff(Stream output, AnalysisReport report, List<PretranslatedSentence> sentences)
    {
        var english = report.SourceLang == "en";
        using var writer = new Xliff2Writer(output, new Xliff2WriterOptions
        {
            SourceLanguage = english ? "en" : "ko",
            TargetLanguage = english ? "ko" : "en",
            Original = report.Name.Length == 0 ? null : report.Name,
            Metadata = [new XliffMeta("memory", report.Memory), new XliffMeta("tool", "tm web")],
        });
        var units = new XliffUnits();
        foreach (var sentence in sentences)
            writer.WriteUnit(units.Next(sentence));
        writer.Complete();
    }

    private async Task<PretranslateRequest> RequestAsync()
    {
        if (Upload is { Length: > 0 } upload)
        {
            if (upload.Length > MaxUploadBytes)
            {
                throw new RpcException(new Status(Grpc.Core.StatusCode.InvalidArgument,
                    $"{upload.FileName} is {upload.Length / (1024 * 1024)} MB; a document for analysis may hold {TranslationMemoryService.MaxPretranslateCharacters:N0} characters. Send it in parts."));
            }
            using var reader = new StreamReader(upload.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                Text = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            }
            catch (DecoderFallbackException)
            {
                throw new RpcException(new Status(Grpc.Core.StatusCode.InvalidArgument, $"{upload.FileName} is not UTF-8 text; analysis takes a plain-text document in UTF-8."));
            }
            if (string.IsNullOrWhiteSpace(Name))
                Name = upload.FileName;
        }
        if (string.IsNullOrWhiteSpace(Text))
            throw new RpcException(new Status(Grpc.Core.StatusCode.InvalidArgument, "Choose a document or paste its text."));
        return new PretranslateRequest { Memory = Memory ?? "", Text = Text, Name = Name?.Trim() ?? "" };
    }
}
