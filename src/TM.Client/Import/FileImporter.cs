using System.Diagnostics;
using TM.Client.Output;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Import;

/// <summary>
/// Imports one file through ImportFile, and carries on by itself when the connection breaks: on UNAVAILABLE after
/// the server has acknowledged at least one batch, it waits (1 s, 2 s, 4 s, … by default) and calls again with
/// <c>resume_import_id</c>, re-sending the file from its first byte; the server skips what the import already
/// committed. A server that was never reached is not retried: that is a server not started, not a blip.
/// </summary>
internal sealed class FileImporter
{
    private readonly ServerConnection _connection;
    private readonly IImportProgressView _view;
    private readonly int _retries;
    private readonly TimeSpan _firstRetryDelay;

    /// <summary>An importer that reports to <paramref name="view"/>.</summary>
    /// <param name="connection">The server.</param>
    /// <param name="view">Shows the acknowledgments and the retries.</param>
    /// <param name="retries">Calls to make after the first when the connection breaks; 0 never retries.</param>
    /// <param name="firstRetryDelay">Wait before the first retry; each further retry waits twice as long.</param>
    public FileImporter(ServerConnection connection, IImportProgressView view, int retries, TimeSpan firstRetryDelay)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        _connection = connection;
        _view = view;
        _retries = retries;
        _firstRetryDelay = firstRetryDelay;
    }

    /// <summary>Imports <paramref name="request"/>'s file.</summary>
    /// <exception cref="RpcException">UNAVAILABLE before the server acknowledged anything: the server cannot be reached.</exception>
    /// <exception cref="Input.InputFileException">The file cannot be read.</exception>
    public async Task<FileImportOutcome> ImportAsync(FileImportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var totalBytes = new FileInfo(request.Path) is { Exists: true } info ? info.Length : 0;
        var stopwatch = Stopwatch.StartNew();
        var importId = request.ResumeImportId;
        ImportProgress? last = null;
        long? committedBefore = request.ResumeImportId > 0 ? null : 0;
        var calls = 0;

        FileImportOutcome Outcome(FileImportStatus status, RpcException? error) => new()
        {
            Status = status,
            Last = last,
            ImportId = importId,
            Error = error,
            Elapsed = stopwatch.Elapsed,
            Calls = calls,
            UnitsCommittedBefore = committedBefore ?? 0,
        };

        void OnAcknowledged(ImportProgress progress)
        {
            last = progress;
            importId = progress.ImportId;
            committedBefore ??= progress.UnitsResumed;
            _view.Acknowledged(progress);
        }

        while (true)
        {
            calls++;
            _view.Started(totalBytes);
            try
            {
                var final = await ImportFileCall.RunAsync(
                    _connection.TranslationMemory, _connection.Deadline(), request, importId, totalBytes, OnAcknowledged, cancellationToken).ConfigureAwait(false);
                return final is { Completed: true }
                    ? Outcome(FileImportStatus.Completed, null)
                    : Outcome(FileImportStatus.Failed, new RpcException(new Status(StatusCode.Internal, "The server ended the import without acknowledging the whole file.")));
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                return Outcome(FileImportStatus.Cancelled, null);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && last is null)
            {
                // Nothing acknowledged in this run: the server is not there (or never got going); ServerConnection says how to start it.
                throw;
            }
            catch (RpcException ex) when (calls <= _retries && (ex.StatusCode == StatusCode.Unavailable || (ex.StatusCode == StatusCode.FailedPrecondition && calls > 1)))
            {
                // FAILED_PRECONDITION on a retry: the server has not yet seen the broken call end ("running right
                // now"), which a wait cures; were the import complete, the retries run out with the server's word for it.
                var delay = _firstRetryDelay * Math.Pow(2, calls - 1);
                var why = ex.StatusCode == StatusCode.Unavailable ? "Connection lost" : "The server is still ending the broken call";
                _view.Note($"{why} ({_connection.Describe(ex)}); {Counted.Of(last!.UnitsCommitted, "segment")} of import {importId} are committed. "
                    + $"Resuming in {Quantities.Duration(delay)} (retry {calls} of {_retries}).");
                try
                {
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return Outcome(FileImportStatus.Cancelled, null);
                }
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Aborted)
            {
                return Outcome(FileImportStatus.Interrupted, ex);
            }
            catch (RpcException ex)
            {
                return Outcome(FileImportStatus.Failed, ex);
            }
        }
    }
}
