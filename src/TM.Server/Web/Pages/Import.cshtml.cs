using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using TM.Protos.V1;
using TM.Server.Services;

namespace TM.Server.Web.Pages;

/// <summary>
/// Imports a file into a memory with a live progress bar: the page's script posts the file as the request body and
/// reads the answer as it comes, one JSON line per committed batch (the ImportFile stream's progress messages), then
/// the outcome; a bilingual text document is aligned and imported as ImportDocument does. Below, the past imports.
/// </summary>
public sealed class ImportModel : TmPageModel
{
    // What one read of the upload hands the import: the size of the chunks `tm import` sends.
    private const int ChunkSize = 64 * 1024;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    /// <summary>The memory picked in advance (from the memories page); empty for the default one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Memory { get; set; }

    /// <summary>The imports the key may see, newest first; empty when the call failed.</summary>
    public IReadOnlyList<ImportRecord> Imports { get; private set; } = [];

    /// <summary>Shows the form and the past imports.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadImportsAsync();
        return Page();
    }

    /// <summary>The past imports alone, for the page's script to refresh after an import.</summary>
    public async Task<IActionResult> OnGetListAsync()
    {
        await LoadImportsAsync();
        return Partial("_ImportList", this);
    }

    /// <summary>
    /// Imports the request body, answering <c>application/x-ndjson</c>: <c>{"progress":…}</c> per committed batch,
    /// <c>{"document":…}</c> for a document, or <c>{"error":…,"status":…}</c> with the service's message.
    /// </summary>
    /// <param name="memory">The memory (created by the import when it does not exist); empty for the default one.</param>
    /// <param name="name">The file's name: its origin in the memory, and its format when <paramref name="format"/> is empty.</param>
    /// <param name="format"><c>tmx</c>, <c>xliff</c>, <c>tsv</c>, <c>csv</c>, <c>document</c>, or empty to tell by the name and the first bytes.</param>
    /// <param name="policy"><c>add</c>, <c>keep</c> or <c>overwrite</c>: what to do with a pair whose source is stored with another target.</param>
    /// <param name="lang">The source side of TSV/CSV columns: <c>ko</c>, <c>en</c>, or empty for Korean first.</param>
    public async Task<IActionResult> OnPostUploadAsync(string? memory, string? name, string? format, string? policy, string? lang)
    {
        Response.ContentType = "application/x-ndjson; charset=utf-8";
        if (!CanWrite)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteLineAsync(Error(Grpc.Core.StatusCode.PermissionDenied,
                $"The key '{Caller.Name}' has the {Security.AccessPolicies.NameOf(Caller.Role)} role; importing needs the write role."));
            return new EmptyResult();
        }
        // An upload is read as it arrives, a chunk at a time (no size bound is needed to bound memory), as ImportFile does.
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = null;
        var fileName = string.IsNullOrWhiteSpace(name) ? "upload" : name.Trim();
        var updatePolicy = policy switch
        {
            "keep" => UpdatePolicy.KeepExisting,
            "overwrite" => UpdatePolicy.Overwrite,
            _ => UpdatePolicy.AddAlternative,
        };
        try
        {
            if (format == "document" || (string.IsNullOrEmpty(format) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
                await ImportDocumentAsync(memory ?? "", fileName, updatePolicy);
            else
                await ImportFileAsync(new ImportFileRequest
                {
                    Memory = memory ?? "",
                    FileName = fileName,
                    Format = format ?? "",
                    UpdatePolicy = updatePolicy,
                    SourceLang = lang ?? "",
                    TotalBytes = Request.ContentLength ?? 0,
                });
        }
        catch (RpcException e)
        {
            if (!Response.HasStarted)
                Response.StatusCode = WebFailure.HttpStatusOf(e.StatusCode);
            await WriteLineAsync(Error(e.StatusCode, e.Status.Detail));
        }
        return new EmptyResult();
    }

    private async Task ImportFileAsync(ImportFileRequest header)
    {
        var first = true;
        var buffer = new byte[ChunkSize];
        await Calls.DuplexAsync<ImportFileRequest, ImportProgress>(HttpContext, "ImportFile", async cancellationToken =>
        {
            var read = await Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0 && !first)
                return null;
            var message = first ? header : new ImportFileRequest();
            first = false;
            message.Chunk = ByteString.CopyFrom(buffer, 0, read);
            return message;
        }, progress => WriteLineAsync($"{{\"progress\":{Json.Format(progress)}}}"), (s, r, w, c) => s.ImportFile(r, w, c));
    }

    private async Task ImportDocumentAsync(string memory, string fileName, UpdatePolicy policy)
    {
        // One message, as over gRPC: the document is aligned whole, so it is held whole, up to the message limit.
        using var text = new MemoryStream();
        var buffer = new byte[ChunkSize];
        int read;
        while ((read = await Request.Body.ReadAsync(buffer, HttpContext.RequestAborted)) > 0)
        {
            if (text.Length + read > RequestLimits.MaxReceiveMessageSize)
            {
                throw new RpcException(new Status(Grpc.Core.StatusCode.ResourceExhausted,
                    $"{fileName} is larger than {RequestLimits.MaxReceiveMessageSize / (1024 * 1024)} MB, the most a document import takes; split it, or import a TMX or TSV file."));
            }
            text.Write(buffer, 0, read);
        }
        string document;
        try
        {
            document = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text.GetBuffer(), 0, (int)text.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new RpcException(new Status(Grpc.Core.StatusCode.InvalidArgument, $"{fileName} is not UTF-8 text; a document import takes a plain-text file in UTF-8."));
        }
        var response = await Calls.UnaryAsync(HttpContext, "ImportDocument",
            new ImportDocumentRequest { Memory = memory, Name = fileName, Text = document, UpdatePolicy = policy }, (s, r, c) => s.ImportDocument(r, c));
        await WriteLineAsync($"{{\"document\":{Json.Format(response)}}}");
    }

    private async Task LoadImportsAsync()
    {
        try
        {
            var all = await Calls.UnaryAsync(HttpContext, "ListImports", new ListImportsRequest(), (s, r, c) => s.ListImports(r, c));
            Imports = [.. all.Imports.OrderByDescending(i => i.ImportId)];
        }
        catch (RpcException e)
        {
            Fail(e);
        }
    }

    private static string Error(Grpc.Core.StatusCode code, string message) =>
        $"{{\"error\":{System.Text.Json.JsonSerializer.Serialize(message)},\"status\":\"{code}\"}}";

    private async Task WriteLineAsync(string line)
    {
        await Response.WriteAsync(line + "\n", HttpContext.RequestAborted);
        await Response.Body.FlushAsync(HttpContext.RequestAborted);
    }
}
