namespace TM.Client.Input;

/// <summary>What kind of file <c>tm import</c> was given, which decides the call that carries it.</summary>
internal enum InputFormat
{
    /// <summary>A parallel document (Korean and English blocks): read whole and sent to ImportDocument.</summary>
    Document,

    /// <summary>A TMX file: streamed to ImportFile.</summary>
    Tmx,

    /// <summary>Tab-separated pairs: streamed to ImportFile.</summary>
    Tsv,

    /// <summary>Comma-separated pairs: streamed to ImportFile.</summary>
    Csv,

    /// <summary>An XLIFF 2.0 or 1.2 file (from <c>tm pretranslate</c> or a CAT tool): streamed to ImportFile, which keeps its translated segments.</summary>
    Xliff,
}
