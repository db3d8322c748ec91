using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>What one file upload is to do.</summary>
/// <param name="Memory">The target memory's name (empty = default).</param>
/// <param name="FileName">The file's name: origin of the stored pairs, name of the import, and the file errors name.</param>
/// <param name="Format">How to read the bytes.</param>
/// <param name="Policy">For a source the memory already holds with another translation (a new import only).</param>
/// <param name="SourceSide">The side the policy compares; null means the file's declared source language, else Korean (a new import only).</param>
/// <param name="BatchSize">Units per transaction.</param>
/// <param name="Resume">The interrupted import to carry on, or null for a new one.</param>
/// <param name="Base">What <paramref name="Resume"/> had committed before this call; <see cref="ImportCounts.Zero"/> for a new import.</param>
/// <param name="CreatedBy">Who imports (the caller's key name), recorded with the import and the pairs it writes.</param>
internal sealed record FileImportSettings(
    string Memory,
    string FileName,
    ImportFileFormat Format,
    UpdatePolicy Policy,
    SegmentSide? SourceSide,
    int BatchSize,
    ImportRun? Resume = null,
    ImportCounts? Base = null,
    string CreatedBy = "");
