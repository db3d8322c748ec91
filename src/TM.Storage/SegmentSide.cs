namespace TM.Storage;

/// <summary>One language side of a segment pair.</summary>
public enum SegmentSide
{
    /// <summary>The Korean side.</summary>
    Korean,

    /// <summary>The English side.</summary>
    English,
}
