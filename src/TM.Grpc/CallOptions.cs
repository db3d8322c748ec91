namespace TM.Grpc;

/// <summary>Per-call options: metadata, deadline and cancellation.</summary>
public readonly struct CallOptions
{
    /// <summary>Creates call options.</summary>
    /// <param name="headers">Custom metadata sent as request headers; <see langword="null"/> for none.</param>
    /// <param name="deadline">
    /// When the call must be over, in UTC (local times are converted); <see langword="null"/> or
    /// <see cref="DateTime.MaxValue"/> for no deadline. A passed deadline fails the call with <see cref="StatusCode.DeadlineExceeded"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the call, which then fails with <see cref="StatusCode.Cancelled"/>.</param>
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Custom metadata sent as request headers; <see langword="null"/> for none.</summary>
    public Metadata? Headers { get; }

    /// <summary>The deadline; <see langword="null"/> for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancels the call.</summary>
    public CancellationToken CancellationToken { get; }
}
