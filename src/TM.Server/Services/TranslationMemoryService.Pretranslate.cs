using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Protos.V1;
using TM.Server.Memory;
using TM.Server.Pretranslation;
using TM.Server.Security;
using TM.Storage;
using TM.Text;
using PretranslatedSentence = TM.Server.Pretranslation.PretranslatedSentence;

namespace TM.Server.Services;

/// <content>Pretranslate: a document's sentences with their best matches and bands, streamed in order, and the analysis report.</content>
public sealed partial class TranslationMemoryService
{
    /// <summary>Longest document Pretranslate takes: a long article several times over; the sentences' results are streamed, the text is held.</summary>
    public const int MaxPretranslateCharacters = 2_000_000;

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task Pretranslate(PretranslateRequest request, IServerStreamWriter<PretranslateResponse> responseStream, ServerCallContext context)
    {
        if (request.Text.Length > MaxPretranslateCharacters)
            throw Invalid.Argument($"text is {Invalid.Count(request.Text.Length)} characters long; the limit is {Invalid.Count(MaxPretranslateCharacters)}. Send a longer document in parts.");
        var language = RequestLanguage.Parse(request.SourceLang, "source_lang", "to take the language of the document's first paragraph") switch
        {
            SegmentSide.Korean => Language.Korean,
            SegmentSide.English => (Language?)Language.English,
            _ => null,
        };
        var options = LookupRequests.Options(1, request.MinScore);
        // A text that is empty, binary or has an overlong line is a DocumentException: INVALID_ARGUMENT.
        var document = SourceDocument.Read(request.Text, language);
        if (document.Sentences.Count == 0)
            throw Invalid.Argument($"The text holds no {(document.Language == Language.Korean ? "Korean" : "English")} sentence to pretranslate; give source_lang if it is in the other language.");
        if (document.Sentences.Count > DocumentPretranslator.MaxSentences)
            throw Invalid.Argument($"The text holds {Invalid.Count(document.Sentences.Count)} sentences; the limit is {Invalid.Count(DocumentPretranslator.MaxSentences)}. Send it in parts.");
        var memory = FindMemory(context, request.Memory);
        (options, var penalties) = LookupRequests.WithMemoryDefaults(options, request.MinScore, request.Penalties, memory);
        options = await LookupRequests.FilteredAsync(_catalog, memory, options, FieldRequests.Filter(null, request.Fields, memory), context.CancellationToken);

        var side = document.Language == Language.Korean ? SegmentSide.Korean : SegmentSide.English;
        var termbase = await _terms.ForAsync(memory);
        var tally = new AnalysisTally();
        var done = 0;
        foreach (var chunk in new DocumentPretranslator(_catalog).Run(memory, document, options, penalties, context.CancellationToken))
        {
            foreach (var sentence in chunk)
            {
                tally.Add(sentence);
                var message = ToMessage(sentence, side);
                TermHitMessages.AddTo(message, side, termbase, memory.Info.Name);
                await responseStream.WriteAsync(new PretranslateResponse { Sentence = message }, context.CancellationToken);
            }
            done += chunk.Count;
            await responseStream.WriteAsync(new PretranslateResponse
            {
                Progress = new PretranslateProgress { SentencesDone = done, SentencesTotal = document.Sentences.Count },
            }, context.CancellationToken);
        }
        await responseStream.WriteAsync(new PretranslateResponse { Report = Report(tally, request.Name, memory.Info.Name, side) }, context.CancellationToken);
    }

    private static Protos.V1.PretranslatedSentence ToMessage(PretranslatedSentence sentence, SegmentSide side)
    {
        var message = new Protos.V1.PretranslatedSentence
        {
            Index = sentence.Index,
            Paragraph = sentence.Paragraph,
            Source = sentence.Text,
            Band = Band(sentence.Band),
            RepetitionOf = sentence.RepetitionOf,
            Words = sentence.Words,
            Characters = sentence.Characters,
        };
        if (sentence.Best is { } best)
            message.Match = LookupRequests.Response(sentence.Text, [best], side).Matches[0];
        return message;
    }

    private static AnalysisReport Report(AnalysisTally tally, string name, string memory, SegmentSide side)
    {
        var report = new AnalysisReport
        {
            Name = name,
            Memory = memory,
            SourceLang = side == SegmentSide.Korean ? "ko" : "en",
            TotalSegments = tally.TotalSegments,
            TotalWords = tally.TotalWords,
            TotalCharacters = tally.TotalCharacters,
        };
        foreach (var band in AnalysisTally.Bands)
        {
            var (segments, words, characters) = tally.Of(band);
            report.Bands.Add(new BandCount
            {
                Band = Band(band),
                Segments = segments,
                Words = words,
                Characters = characters,
                WordsPercent = Percent(words, tally.TotalWords),
                CharactersPercent = Percent(characters, tally.TotalCharacters),
            });
        }
        return report;
    }

    private static double Percent(long part, long whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    private static AnalysisBand Band(ScoreBand band) => band switch
    {
        ScoreBand.Fuzzy50To74 => AnalysisBand.Fuzzy5074,
        ScoreBand.Fuzzy75To84 => AnalysisBand.Fuzzy7584,
        ScoreBand.Fuzzy85To94 => AnalysisBand.Fuzzy8594,
        ScoreBand.Fuzzy95To99 => AnalysisBand.Fuzzy9599,
        ScoreBand.Exact => AnalysisBand.Exact,
        ScoreBand.Context => AnalysisBand.Context,
        ScoreBand.Repetition => AnalysisBand.Repetition,
        _ => AnalysisBand.NoMatch,
    };
}
