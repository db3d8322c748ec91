using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>One timed <c>Pretranslate</c> call of the <c>pretranslate</c> benchmark.</summary>
/// <param name="FirstSentence">From the call's start to the first sentence received.</param>
/// <param name="Wall">From the call's start to the end of the stream (the report received).</param>
/// <param name="ServerCpu">The server process's CPU time, user and system, over the call.</param>
/// <param name="Sentences">Sentence messages received.</param>
/// <param name="ProgressMessages">Progress messages received.</param>
/// <param name="Report">The analysis report that ended the stream.</param>
/// <param name="StreamedBands">The sentences received per band, to check against the report.</param>
/// <param name="MachineIdle">Idle CPU time of the whole machine over the call (all cores, from /proc/stat); null where unknown.</param>
/// <param name="BusyThreads">The server's threads that each used at least a tenth of its CPU time over the call.</param>
internal sealed record PretranslateRun(
    TimeSpan FirstSentence, TimeSpan Wall, TimeSpan ServerCpu, int Sentences, int ProgressMessages, AnalysisReport Report,
    IReadOnlyDictionary<AnalysisBand, int> StreamedBands, TimeSpan? MachineIdle, int BusyThreads)
{
    public double CoresUsed => ServerCpu / Wall;

    /// <summary>Cores the machine left idle on average during the call: what the server could have had and did not take.</summary>
    public double? IdleCores => MachineIdle / Wall;

    public double SentencesPerSecond => Sentences / Wall.TotalSeconds;
}
