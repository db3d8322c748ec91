using System.CommandLine;
using TM.Client.Pretranslation;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm analyze FILE…</c>: how much of one or several documents the memory already translates, by match band, as a
/// table of segments, words and characters (or <c>--json</c>); with several documents, each one's table and then the
/// batch's, as Trados's and memoQ's batch analyses print them. Stores and writes nothing.
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
        foreach (var file in parseResult.GetRequiredValue(_files))
        {
            // One document that cannot be read stops the batch before a partial total is printed.
            if (await PretranslateAsync(file, parseResult, connection, static _ => { }, cancellationToken) is not { } report)
            {
                return ExitCodes.InputError;
            }

            reports.Add(report);
        }

        var total = reports.Count == 1 ? null : AnalysisReports.Combine(reports);
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

        foreach (var report in reports)
        {
            AnalysisReportView.Write(Context, report);
        }

        if (total is not null)
        {
            AnalysisReportView.Write(Context, total);
        }

        return ExitCodes.Success;
    }
}
