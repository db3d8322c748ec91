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
/// tool opens (XLIFF 1.2 with <c>--xliff-version 1.2</c>), and prints the analysis report. Once translated, a 2.0
/// file goes back into a memory with <c>tm import OUT.xlf</c>.
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
        Description = "The XLIFF file to write",
        HelpName = "file.xlf",
        Required = true,
    };

    // An option, not the extension: both versions are .xlf by custom, and CAT tools tell them apart by content.
    private readonly Option<string> _xliffVersion = new("--xliff-version")
    {
        Description = "The XLIFF version to write: 2.0, or 1.2 for tools that read no other",
        DefaultValueFactory = _ => "2.0",
    };

    public PretranslateCommand(CliContext context, CommonOptions common)
        : base("pretranslate", "Pretranslates a document from a translation memory into an XLIFF file (2.0, or 1.2), with the analysis report", context, common)
    {
        _xliffVersion.AcceptOnlyFromAmong("2.0", "1.2");
        Add(_file);
        Add(_output);
        Add(_xliffVersion);
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

        var version = parseResult.GetRequiredValue(_xliffVersion);
        var temporary = path + ".part";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                if (version == "1.2")
                {
                    Write12(file, report, sentences);
                }
                else
                {
                    Write(file, report, sentences);
                }
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
                json.WriteString("xliffVersion", version);
                json.WritePropertyName("report");
                AnalysisReportView.WriteJson(json, report);
                json.WriteEndObject();
            });
        }
        else
        {
            AnalysisReportView.Write(Context, report);
            terms.Write(Context);
            Context.WriteErrorLine(Markup.Escape($"Wrote {path}: {Counted.Of(sentences.Count, "unit")} in XLIFF {version}."));
        }

        return ExitCodes.Success;
    }

    private static void Write(Stream output, AnalysisReport report, List<PretranslatedSentence> sentences)
    {
        var (source, target) = Languages(report);
        var options = new Xliff2WriterOptions
        {
            SourceLanguage = source,
            TargetLanguage = target,
            Original = report.Name.Length == 0 ? null : report.Name,
            Metadata = FileMetadata(report),
        };
        using var writer = new Xliff2Writer(output, options);
        WriteUnits(sentences, writer.WriteUnit);
        writer.Complete();
    }

    private static void Write12(Stream output, AnalysisReport report, List<PretranslatedSentence> sentences)
    {
        var (source, target) = Languages(report);
        var options = new Xliff12WriterOptions
        {
            SourceLanguage = source,
            TargetLanguage = target,
            Original = report.Name.Length == 0 ? "document" : report.Name,
            Metadata = FileMetadata(report),
        };
        using var writer = new Xliff12Writer(output, options);
        WriteUnits(sentences, writer.WriteUnit);
        writer.Complete();
    }

    private static void WriteUnits(List<PretranslatedSentence> sentences, Action<XliffUnit> write)
    {
        var units = new XliffUnits();
        foreach (var sentence in sentences)
        {
            write(units.Next(sentence));
        }
    }

    private static (string Source, string Target) Languages(AnalysisReport report) => report.SourceLang == "en" ? ("en", "ko") : ("ko", "en");

    private static List<XliffMeta> FileMetadata(AnalysisReport report) =>
        [new XliffMeta("memory", report.Memory.Length == 0 ? "(default)" : report.Memory), new XliffMeta("tool", "tm pretranslate")];
}
