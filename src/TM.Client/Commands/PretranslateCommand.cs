using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Client.Pretranslation;
using TM.Client.Terms;
using TM.Interchange;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm pretranslate FILE -o OUT.xlf</c>: pretranslates a document from the memory into an XLIFF 2.0 file a CAT
/// tool opens, and prints the analysis report. Once translated, the file goes back into a memory with
/// <c>tm import OUT.xlf</c>.
/// </summary>
/// <remarks>
/// The sentences are kept until the report arrives, because the report names the source language the file's
/// root must declare; Pretranslate takes at most 2,000,000 characters, so that is a few megabytes at most. The
/// file is written under a temporary name and renamed once complete, as <c>tm export</c> does.
/// </remarks>
internal sealed class PretranslateCommand : DocumentAnalysisCommand
{
    private readonly Argument<string> _file = new("file") { Description = "The document: " + DocumentDescription };

    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "The XLIFF 2.0 file to write",
        HelpName = "file.xlf",
        Required = true,
    };

    public PretranslateCommand(CliContext context, CommonOptions common)
        : base("pretranslate", "Pretranslates a document from a translation memory into an XLIFF 2.0 file, with the analysis report", context, common)
    {
        Add(_file);
        Add(_output);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var path = parseResult.GetRequiredValue(_output);
        var sentences = new List<PretranslatedSentence>();
        var document = parseResult.GetRequiredValue(_file);
        var terms = new DocumentTerms();
        var report = await PretranslateAsync(document, parseResult, connection, sentence =>
        {
            sentences.Add(sentence);
            terms.Add(sentence);
        }, cancellationToken);
        if (report is null)
        {
            return ExitCodes.InputError;
        }

        if (sentences.Count == 0)
        {
            Context.WriteError($"{document}: the document has no sentence to pretranslate, so there is no XLIFF file to write.");
            return ExitCodes.InputError;
        }

        var temporary = path + ".part";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                Write(file, report, sentences);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PartFile.TryDelete(temporary);
            Context.WriteError($"{path}: cannot be written: {ex.Message}");
            return ExitCodes.InputError;
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("output", path);
                json.WriteNumber("units", sentences.Count);
                json.WritePropertyName("report");
                AnalysisReportView.WriteJson(json, report);
                json.WriteEndObject();
            });
        }
        else
        {
            AnalysisReportView.Write(Context, report);
            terms.Write(Context);
            Context.WriteErrorLine(Markup.Escape($"Wrote {path}: {Counted.Of(sentences.Count, "unit")} in XLIFF 2.0."));
        }

        return ExitCodes.Success;
    }

    private static void Write(Stream output, AnalysisReport report, List<PretranslatedSentence> sentences)
    {
        var source = report.SourceLang == "en" ? "en" : "ko";
        var options = new Xliff2WriterOptions
        {
            SourceLanguage = source,
            TargetLanguage = source == "ko" ? "en" : "ko",
            Original = report.Name.Length == 0 ? null : report.Name,
            Metadata = [new XliffMeta("memory", report.Memory.Length == 0 ? "(default)" : report.Memory), new XliffMeta("tool", "tm pretranslate")],
        };
        using var writer = new Xliff2Writer(output, options);
        var units = new XliffUnits();
        foreach (var sentence in sentences)
        {
            writer.WriteUnit(units.Next(sentence));
        }

        writer.Complete();
    }
}
