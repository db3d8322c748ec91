namespace TM.Storage;

/// <summary>Where an import stands.</summary>
public enum ImportStatus
{
    /// <summary>Begun and accepting batches.</summary>
    Running,

    /// <summary>Finished by its caller; no more batches.</summary>
    Completed,

    /// <summary>Given up by its caller, with a message; can be resumed.</summary>
    Failed,

    /// <summary>Left running by a process that stopped (found at <see cref="SegmentStore.Open"/>); can be resumed.</summary>
    Interrupted,
}
