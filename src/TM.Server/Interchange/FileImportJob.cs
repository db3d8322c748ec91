using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using TM.Interchange;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>
/// One file upload (ImportFile, ImportTmx) on its way into a memory: the caller writes the bytes into
/// <see cref="Input"/> as they arrive; a parser thread reads them into batches; a commit thread stores each batch in
/// one transaction, hands its changes to the memory's index worker and reports what is durable.
/// </summary>
/// <remarks>
/// <para>
/// Three stages overlap on the machine's cores (parsing, SQLite, indexing) and every buffer between them is
/// bounded, so a fast client waits for the slowest stage instead of filling the server's memory: the pipe holds at
/// most <see cref="PipeLimit"/> bytes, one finished batch waits for the commit thread, and the index worker lets
/// <see cref="IndexUpdateQueue.MaxPending"/> batches wait.
/// </para>
/// <para>
/// A unit is numbered by <see cref="UnitReader.Position"/>; each commit records the number of the last unit it
/// covers and a <see cref="UnitFingerprint"/> of the units up to it, so a resumed import reads the file again from its
/// first byte, checks that those units are the ones committed, and stores only what comes after them.
/// </para>
/// </remarks>
internal sealed class FileImportJob
{
    /// <summary>Bytes the pipe holds before the caller's writes wait: a few MB of TMX is a few thousand units.</summary>
    public const int PipeLimit = 4 * 1024 * 1024;

    private readonly TranslationMemoryCatalog _catalog;
    private readonly FileImportSettings _settings;
    private readonly Action<FileImportProgress>? _onCommitted;
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: PipeLimit, resumeWriterThreshold: PipeLimit / 2, useSynchronizationContext: false));
    // One batch waits while the commit thread stores the previous one and the parser builds the next.
    private readonly BlockingCollection<Batch> _batches = new(boundedCapacity: 1);
    private readonly long _resumeFrom;
    private ImportCounts _committed;
    private long _unitsRead;
    private long _unitsSkippedCommitted;
    private Exception? _parseError;
    private Exception? _commitError;
    private Task _indexed = Task.CompletedTask;

    /// <param name="catalog">The memories.</param>
    /// <param name="settings">What to import and how.</param>
    /// <param name="onCommitted">Called once when the import's record exists (nothing committed yet), then on the commit thread after every commit, with what is durable; null for none.</param>
    public FileImportJob(TranslationMemoryCatalog catalog, FileImportSettings settings, Action<FileImportProgress>? onCommitted)
    {
        _catalog = catalog;
        _settings = settings;
        _onCommitted = onCommitted;
        _committed = settings.Base ?? ImportCounts.Zero;
        _resumeFrom = _committed.UnitsCommitted;
        Run = settings.Resume;
    }

    /// <summary>Where the caller writes the file's bytes; <see cref="FlushResult.IsCompleted"/> means the parser has stopped.</summary>
    public PipeWriter Input => _pipe.Writer;

    /// <summary>The import's record; null until the parser has read the file's header (for a new import).</summary>
    public ImportRun? Run { get; private set; }

    /// <summary>What the reader did with the units; null until the parser has started.</summary>
    public ReadStatistics? Statistics { get; private set; }

    /// <summary>What the import has committed so far, over all its calls.</summary>
    public ImportCounts Committed => Volatile.Read(ref _committed);

    /// <summary>Batches this call committed.</summary>
    public int BatchesThisCall { get; private set; }

    /// <summary>
    /// Runs the import while <paramref name="upload"/> writes the file into <see cref="Input"/>, and records how it
    /// ended: completed, failed (a damaged file, with the reason), or interrupted (the upload broke off, was cancelled
    /// or the server is stopping; resumable).
    /// </summary>
    /// <param name="upload">Copies the file's bytes, as they arrive, into the pipe it is given; stops early when the pipe's reader has stopped.</param>
    /// <param name="callAborted">The call ended (the client cancelled or went away).</param>
    /// <param name="serverStopping">The server is shutting down: the import stops at its next batch instead of running on for minutes while the host waits.</param>
    /// <returns>The final progress, with <see cref="FileImportProgress.Completed"/> set.</returns>
    /// <exception cref="ImportInputException">The file is damaged, is not the file a resumed import was reading, or holds a pair the store refuses; the message says what stays committed.</exception>
    /// <exception cref="ImportStoppedException">The server is shutting down; the message says how to resume.</exception>
    public async Task<FileImportProgress> RunAsync(Func<PipeWriter, CancellationToken, Task> upload, CancellationToken callAborted, CancellationToken serverStopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callAborted, serverStopping);
        var cancellationToken = stop.Token;
        var running = RunStagesAsync(cancellationToken);
        try
        {
            await upload(Input, cancellationToken);
            await Input.CompleteAsync();
        }
        catch (Exception e)
        {
            // The client went away or cancelled: stop the parser; the stages record the import as interrupted.
            await Input.CompleteAsync(e);
        }

        try
        {
            return await running;
        }
        catch (Exception e) when (serverStopping.IsCancellationRequested && !callAborted.IsCancellationRequested && e is not (InterchangeFormatException or InvalidDataException or ArgumentException))
        {
            throw new ImportStoppedException($"The server is shutting down. {ResumeAdvice()}");
        }
        catch (InterchangeFormatException e)
        {
            throw new ImportInputException($"{e.Message} {CommittedSummary()}", e);
        }
        catch (InvalidDataException e)
        {
            throw new ImportInputException(e.Message, e);
        }
        catch (ArgumentException e)
        {
            // A unit the store or index refuses; the readers' own checks make this rare.
            throw new ImportInputException($"{e.Message} {CommittedSummary()}", e);
        }
    }

    private async Task<FileImportProgress> RunStagesAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parsing = Task.Factory.StartNew(() => Parse(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var committing = Task.Factory.StartNew(() => Commit(stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAll(parsing, committing);

        var error = _commitError ?? _parseError;
        // What is committed reaches the index before the call answers, whatever the outcome: "completed" also means
        // "searchable", and after an error the batches that stay stored are found by the next lookup.
        await Task.WhenAll(_indexed, Run is null ? Task.CompletedTask : _catalog.WhenSearchable(Run)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Run is null)
        {
            // Nothing was recorded: the file failed before its header was read (or the call ended that early).
            throw error ?? new InvalidOperationException("The import ended without starting.");
        }
        if (error is null)
        {
            _catalog.CompleteImport(Run, ImportStatus.Completed, null);
            return Snapshot(completed: true);
        }
        // A damaged file fails the import; anything else (the upload broke off, the wrong file for a resume, the
        // store refused a write) leaves it interrupted, to be resumed.
        var damaged = _commitError is null && error is InterchangeFormatException;
        if (!(damaged && Committed.BatchesCommitted == 0 && _resumeFrom == 0 && _catalog.DiscardIfFirst(Run)))
            _catalog.CompleteImport(Run, damaged ? ImportStatus.Failed : ImportStatus.Interrupted, damaged ? error.Message : Interruption(error));
        throw error;
    }

    // What a failed import leaves stored, for the message that reports the failure.
    private string CommittedSummary()
    {
        var committed = Committed;
        if (committed.BatchesCommitted == 0)
            return "Nothing from this file was stored.";
        return $"The {Count(committed.BatchesCommitted)} batches before the error committed {Count(committed.UnitsCommitted)} units " +
            $"({Count(committed.PairsStored)} pairs stored), which stay stored; the failing batch stored nothing.";
    }

    private string ResumeAdvice()
    {
        if (Run is not { } run)
            return "Nothing from this file was stored; send it again once the server is back.";
        var id = run.Id.ToString(CultureInfo.InvariantCulture);
        return $"Import {id} is interrupted with {Count(Committed.UnitsCommitted)} units committed; send the same file again with resume_import_id = {id} once the server is back.";
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private void Parse(CancellationTokenSource stop)
    {
        try
        {
            using var input = _pipe.Reader.AsStream();
            using var reader = UnitReader.Open(_settings.Format, input, _settings.FileName);
            Statistics = reader.Statistics;
            if (Run is null)
            {
                // A TMX file's srclang decides which side the update policy compares when the client did not say.
                var side = _settings.SourceSide ?? reader.DeclaredSourceSide() ?? SegmentSide.Korean;
                var kind = _settings.Format == ImportFileFormat.Tmx ? ImportKind.Tmx : ImportKind.Segments;
                Run = _catalog.BeginImport(_settings.Memory, new ImportOptions(kind, _settings.FileName, _settings.Policy, side) { CreatedBy = _settings.CreatedBy });
                // Acknowledge the record at once, before the first batch: a call that breaks before any commit can
                // still be resumed by id, and the client can show the import it started.
                _onCommitted?.Invoke(Snapshot(completed: false));
            }

            var batchSize = _settings.BatchSize;
            var pairs = new List<SegmentInput>(Math.Min(batchSize, 8_192));
            var batchStart = _resumeFrom;
            var fingerprint = new UnitFingerprint();
            // An import recorded before fingerprints were (0) is resumed on its unit count alone.
            var prefixChecked = _resumeFrom == 0 || Run.Session.SourceFingerprint == 0;
            // The memory's fields as the import starts (a new memory has none): props that name one become its values.
            var fields = new FieldSchema(_catalog.Find(_settings.Memory)?.Settings.Fields ?? []);
            foreach (var unit in reader.Units(stop.Token))
            {
                var position = reader.Position;
                Volatile.Write(ref _unitsRead, position);
                var pair = TmxSegmentMapper.ToInput(unit, _settings.FileName, fields);
                if (position <= _resumeFrom)
                {
                    fingerprint.Add(pair); // committed by an earlier call of this import
                    continue;
                }
                if (!prefixChecked)
                    prefixChecked = CheckResumedPrefix(fingerprint);
                fingerprint.Add(pair);
                pairs.Add(pair);
                if (position - batchStart >= batchSize)
                {
                    _batches.Add(new Batch(pairs, position, reader.Statistics.UnitsSkipped, fingerprint.Value), stop.Token);
                    pairs = new List<SegmentInput>(Math.Min(batchSize, 8_192));
                    batchStart = position;
                }
            }

            var end = reader.Position;
            Volatile.Write(ref _unitsRead, end);
            if (end < _resumeFrom)
            {
                throw new InvalidDataException(
                    $"{_settings.FileName} has {end:N0} units, but import {Run.Id} had committed {_resumeFrom:N0}: this is not the file that import was reading. Nothing was stored.");
            }
            if (!prefixChecked)
                CheckResumedPrefix(fingerprint);
            // The last batch also carries skipped units at the end of the file, so the import ends at the file's last unit.
            if (pairs.Count > 0 || end > batchStart)
                _batches.Add(new Batch(pairs, end, reader.Statistics.UnitsSkipped, fingerprint.Value), stop.Token);
            _pipe.Reader.Complete();
        }
        catch (Exception e)
        {
            // The commit thread still stores the whole batches read before a damaged spot; anything else stops it.
            _parseError ??= e;
            if (e is not (InterchangeFormatException or InvalidDataException))
                stop.Cancel();
            _pipe.Reader.Complete(e);
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }

    private void Commit(CancellationTokenSource stop)
    {
        try
        {
            foreach (var batch in _batches.GetConsumingEnumerable(stop.Token))
            {
                stop.Token.ThrowIfCancellationRequested();
                var (outcome, indexed) = _catalog.CommitBatch(Run!, batch.Pairs, batch.Position, batch.Fingerprint);
                _indexed = indexed;
                BatchesThisCall++;
                var before = _committed;
                Volatile.Write(ref _committed, new ImportCounts(
                    batch.Position,
                    before.PairsStored + outcome.Added.Count,
                    before.PairsSkippedDuplicate + outcome.SkippedDuplicates,
                    before.PairsUpdated + outcome.Overwritten,
                    before.PairsKeptExisting + outcome.KeptExisting,
                    before.BatchesCommitted + 1));
                _unitsSkippedCommitted = batch.Skipped;
                _onCommitted?.Invoke(Snapshot(completed: false));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The parser failed or the call ended: what is committed stays, and the caller reports why.
        }
        catch (Exception e)
        {
            _commitError = e;
            stop.Cancel();
            // Wake a parser waiting for bytes: the import cannot go on.
            _pipe.Reader.CancelPendingRead();
        }
    }

    // The units a resumed import skips as committed must be those the import committed: same count is not enough.
    private bool CheckResumedPrefix(UnitFingerprint fingerprint)
    {
        if (fingerprint.Value != Run!.Session.SourceFingerprint)
        {
            throw new InvalidDataException(
                $"The first {_resumeFrom:N0} units of {_settings.FileName} are not those import {Run.Id} committed: this is not the file that import was reading. Nothing was stored.");
        }
        return true;
    }

    private FileImportProgress Snapshot(bool completed)
    {
        var unitsRead = Volatile.Read(ref _unitsRead);
        return new FileImportProgress(Run!.Id, unitsRead, Committed, _unitsSkippedCommitted, Math.Min(unitsRead, _resumeFrom), completed);
    }

    private static string Interruption(Exception error) => error switch
    {
        OperationCanceledException => "The upload ended before the file did (the client went away or cancelled); resume with the same file.",
        _ => $"The import stopped: {error.Message}",
    };

    private sealed record Batch(List<SegmentInput> Pairs, long Position, long Skipped, long Fingerprint);
}
