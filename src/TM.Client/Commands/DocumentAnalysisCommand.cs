using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using Spectre.Console;
using TM.Client.Input;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// What <c>tm analyze</c> and <c>tm pretranslate</c> share: <c>--source-lang</c> and <c>--min-score</c>, and one
/// Pretranslate call per document whose sentences go to the subclass while its progress shows on stderr and its report
/// is returned. Each command takes its documents its own way (analyze several, pretranslate one).
/// </summary>
internal abstract class DocumentAnalysisCommand : ServerCommand
{
    // A 2,000-sentence document against a large memory takes a while; progress shows it is moving.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    // One progress line a second at most: a log of a long run stays readable.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>What a document argument says, for the commands' help.</summary>
    protected const string DocumentDescription =
        "plain UTF-8 text (a paragraph per line or per block of lines), or a parallel document whose source-language side is used";

    private readonly Option<string?> _sourceLang = new("--source-lang")
    {
        Description = "Language to translate from: ko or en [default: the language of the document's first paragraph]",
    };

    private readonly Option<double?> _minScore = new("--min-score")
    {
        Description = "Lowest score that counts as a match, 0-100 [default: the memory's, else 50]",
        HelpName = "score",
    };

    protected DocumentAnalysisCommand(string name, string description, CliContext context, CommonOptions common)
        : base(name, description, context, common, DefaultTimeout)
    {
        _sourceLang.AcceptOnlyFromAmong("ko", "en");
        _minScore.CustomParser = NumberParser.For<double>(score => score is >= 0 and <= 100, "--min-score must be a number between 0 and 100;");
        Add(_sourceLang);
        Add(_minScore);
    }

    /// <summary>
    /// Reads the document, streams Pretranslate, hands each sentence to <paramref name="onSentence"/> in document
    /// order, and returns the report; null when the document could not be read (the error is printed).
    /// </summary>
    /// <exception cref="RpcException">The call failed; <see cref="ServerConnection.RunAsync"/> turns it into the exit code.</exception>
    protected async Task<AnalysisReport?> PretranslateAsync(string path, ParseResult parseResult, ServerConnection connection, Action<PretranslatedSentence> onSentence,
        CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = DocumentFileReader.ReadAllText(path);
        }
        catch (InputFileException ex)
        {
            Context.WriteError(ex.Message);
            return null;
        }

        var request = new PretranslateRequest
        {
            Memory = MemoryOf(parseResult),
            Text = text,
            SourceLang = parseResult.GetValue(_sourceLang) ?? "",
            Name = Path.GetFileName(path),
            MinScore = parseResult.GetValue(_minScore) ?? 0,
        };
        using var call = connection.TranslationMemory.Pretranslate(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        AnalysisReport? report = null;
        var lastProgress = Stopwatch.GetTimestamp() - (long)(ProgressInterval.TotalSeconds * Stopwatch.Frequency);
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            switch (response.ItemCase)
            {
                case PretranslateResponse.ItemOneofCase.Sentence:
                    onSentence(response.Sentence);
                    break;
                case PretranslateResponse.ItemOneofCase.Progress when Stopwatch.GetElapsedTime(lastProgress) >= ProgressInterval:
                    lastProgress = Stopwatch.GetTimestamp();
                    var progress = response.Progress;
                    Context.WriteErrorLine(Markup.Escape(
                        $"{request.Name}: {Quantities.Count(progress.SentencesDone)} of {Counted.Of(progress.SentencesTotal, "sentence")} pretranslated"));
                    break;
                case PretranslateResponse.ItemOneofCase.Report:
                    report = response.Report;
                    break;
            }
        }

        return report ?? throw new RpcException(new Grpc.Core.Status(StatusCode.Internal, "The server ended Pretranslate without its analysis report."));
    }
}
