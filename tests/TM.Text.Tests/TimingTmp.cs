using System.Diagnostics;
using System.Text;
using TM.Text;
using Xunit.Abstractions;
namespace TM.Text.Tests;
public sealed class TimingTmp(ITestOutputHelper output)
{
    [Fact]
    public void Time()
    {
        var random = new Random(13);
        var ko = new List<string>(); var en = new List<string>();
        for (var i = 0; i < 2000; i++) { var l = random.Next(15, 90); ko.Add(T(random, l, true)); en.Add(T(random, (int)(l * 2.55), false)); }
        var sw = Stopwatch.StartNew();
        foreach (var s in ko) NumberAnchorExtractor.Extract(s, Language.Korean);
        foreach (var s in en) NumberAnchorExtractor.Extract(s, Language.English);
        output.WriteLine($"numbers {sw.ElapsedMilliseconds}"); sw.Restart();
        foreach (var s in ko) KnownTermsLexicon.Instance.FindTerms(s, Language.Korean);
        foreach (var s in en) KnownTermsLexicon.Instance.FindTerms(s, Language.English);
        output.WriteLine($"terms {sw.ElapsedMilliseconds}"); sw.Restart();
        new SentenceAligner(new AlignmentOptions { Lexicon = null }).Align(ko, en);
        output.WriteLine($"align nolex {sw.ElapsedMilliseconds}"); sw.Restart();
        new SentenceAligner().Align(ko, en);
        output.WriteLine($"align {sw.ElapsedMilliseconds}"); sw.Restart();
        new SentenceAligner(new AlignmentOptions { Lexicon = null }).Align(ko, en);
        output.WriteLine($"align nolex {sw.ElapsedMilliseconds}"); sw.Restart();
        new SentenceAligner().Align(ko, en);
        output.WriteLine($"align {sw.ElapsedMilliseconds}"); sw.Restart();
        var kf = new TM.Text.Internal.SideFeatures(ko.Select(x => LengthRatioModel.Measure(x)).ToArray(), ko.Select(_ => Array.Empty<int>()).ToArray());
        var ef = new TM.Text.Internal.SideFeatures(en.Select(x => LengthRatioModel.Measure(x)).ToArray(), en.Select(_ => Array.Empty<int>()).ToArray());
        for (var r = 0; r < 3; r++) { sw.Restart(); new TM.Text.Internal.BandedAligner(kf, ef, LengthRatioModel.Default, AlignmentCosts.Default, [], [], 64).Align(); output.WriteLine($"dp {sw.ElapsedMilliseconds}"); }
        sw.Restart();
        new SentenceAligner().Align(ko.Take(30).ToList(), en.Take(30).ToList());
        output.WriteLine($"align 30 {sw.Elapsed.TotalMilliseconds}"); sw.Restart();
    }
    static string T(Random r, int n, bool k) { var b = new StringBuilder(); for (var i = 0; i < n; i++) { if (i > 0 && r.Next(5) == 0) b.Append(' '); b.Append(k ? (char)r.Next('가', '힣') : (char)r.Next('a', 'z')); } return b.Append('.').ToString(); }
}
