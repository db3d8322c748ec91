using System.CommandLine;
using TM.Client.Pretranslation;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm analyze FILE</c>: how much of a document the memory already translates, by match band, as a table of
/// segments, words and characters (or <c>--json</c>); stores and writes nothing.
/// </summary>
internal sealed class AnalyzeCommand : DocumentAnalysisCommand
{
    public AnalyzeCommand(CliContext context, CommonOptions common)
        : base("analyze", "Analyses a document against a translation memory: segments, words and characters per match band", context, common)
    {
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var report = await PretranslateAsync(parseResult, connection, static _ => { }, cancellationToken);
        if (report is null)
        {
            return ExitCodes.InputError;
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json => AnalysisReportView.WriteJson(json, report));
        }
        else
        {
            AnalysisReportView.Write(Context, report);
        }

        return ExitCodes.Success;
    }
}
