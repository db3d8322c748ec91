namespace TM.Client.Output;

/// <summary>How one stretch of a match's source differs from the sentence the user looked up.</summary>
internal enum DiffKind
{
    /// <summary>The same in both.</summary>
    Equal,

    /// <summary>Only in the memory's source: its translation has to go.</summary>
    Deleted,

    /// <summary>Only in the user's sentence: its translation has to be added.</summary>
    Inserted,

    /// <summary>Replaced: the memory's source has one text where the user's sentence has another.</summary>
    Changed,
}
