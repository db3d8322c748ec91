namespace TM.Interchange.Internal;

/// <summary>A term's standing in its entry, from TBX's <c>administrativeStatus</c>.</summary>
internal enum TermStatus
{
    /// <summary>No status given.</summary>
    None,

    /// <summary>preferredTerm-admn-sts: the approved term.</summary>
    Preferred,

    /// <summary>admittedTerm-admn-sts (and TBX 2's legal, regulated, standardized terms): an allowed variant.</summary>
    Admitted,

    /// <summary>deprecatedTerm-admn-sts or supersededTerm-admn-sts: must not be used.</summary>
    Forbidden,
}
