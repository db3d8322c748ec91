using System.CommandLine;
using TM.Client.Pretranslation;
using TM.Client.Terms;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm analyze FILE…</c>: how much of one or several documents the memory already translates, by match band, as a
/// table of segments, words and characters (or <c>--json</c>); with several documents, each one's table and then the
/// batch's, as Trados's and memoQ's batch analyses print them, in which a sentence that occurred in an earlier
/// document is a cross-file repetition; under each document's table the termbase entries it uses and the forbidden
/// variants found in it and in its matches. Stores and writes nothing.
/// </summary>
internal sealed class AnalyzeCommand : DocumentAnalysisCommand
{
    private readonly Argument<string[]> _files = new("files")
    {
        Description = "The documents, each " + DocumentDescription,
        Arity = ArgumentArity.OneOrMore,
    };

    public AnalyzeCommand(CliContext context, CommonOptions common)
        : base("analyze", "Analyses documents against a translation memory: segments, words and characters per match band", context, common)
    {
        Add(_files);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var reports = new List<AnalysisReport>();
        var terms = new List<DocumentTerms>();
        var repetitions = new CrossFileRepetitions();
        foreach (var file in parseResult.GetRequiredValue(_files))
        {
            // One document that cannot be read stops the batch before a partial total is printed.
            var documentTerms = new DocumentTerms();
            var document = reports.Count;
            if (await PretranslateAsync(file, parseResult, connection, sentence =>
                {
                    documentTerms.Add(sentence);
                    repetitions.Add(document, sentence);
                }, cancellationToken) is not { } report)
            {
                return ExitCodes.InputError;
            }

            reports.Add(report);
            terms.Add(documentTerms);
        }

        var total = reports.Count == 1 ? null : AnalysisReports.Combine(reports, repetitions);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                if (total is null)
                {
                    AnalysisReportView.WriteJson(json, reports[0]);
                    return;
                }

                json.WriteStartObject();
                json.WriteStartArray("documents");
                foreach (var report in reports)
                {
                    AnalysisReportView.WriteJson(json, report);
                }

                json.WriteEndArray();
                json.WritePropertyName("total");
                AnalysisReportView.WriteJson(json, total);
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        for (var i = 0; i < reports.Count; i++)
        {
            AnalysisReportView.Write(Context, reports[i]);
            terms[i].Write(Context);
        }

        if (total is not null)
        {
            AnalysisReportView.Write(Context, total);
        }

        return ExitCodes.Success;
    }
}
