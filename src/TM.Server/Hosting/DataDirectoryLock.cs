using System.Text.Json;

namespace TM.Server.Hosting;

/// <summary>
/// Makes a data directory one server's: an exclusive lock on <c>tm.lock</c> in it, held for the server's lifetime, and
/// beside it <c>tm.lock.json</c>, which says who holds it (process id, addresses, start time) for the server that is
/// turned away.
/// </summary>
/// <remarks>
/// <para>
/// .NET opens a file with <see cref="FileShare.None"/> under <c>flock(LOCK_EX | LOCK_NB)</c> on Linux and macOS (and
/// with a sharing mode on Windows), so a second process cannot open the lock file at all, not even to read it: hence
/// the owner's description in a file of its own. The kernel drops the lock with the last descriptor of the process,
/// so a server killed with SIGKILL leaves no stale lock, and the next start takes it. (Setting
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns .NET's locking, and this guard, off.)
/// </para>
/// <para>
/// The lock file is never deleted: a server that deleted it at exit could do so just after a second one had opened it,
/// and a third would then lock a new file of the same name while the second still ran.
/// </para>
/// </remarks>
internal sealed class DataDirectoryLock : IDisposable
{
    /// <summary>The file the lock is held on.</summary>
    public const string LockFileName = "tm.lock";

    /// <summary>Who holds the lock: <see cref="DataDirectoryOwner"/> as JSON.</summary>
    public const string OwnerFileName = "tm.lock.json";

    private readonly FileStream _lock;
    private readonly string _ownerPath;
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    private DataDirectoryLock(FileStream held, string ownerPath)
    {
        _lock = held;
        _ownerPath = ownerPath;
    }

    /// <summary>Takes the lock on <paramref name="directory"/> (created if needed) and says so in the owner file, without addresses yet.</summary>
    /// <exception cref="DataDirectoryInUseException">Another server holds it; the message names that server.</exception>
    public static DataDirectoryLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        var ownerPath = Path.Combine(directory, OwnerFileName);
        FileStream held;
        try
        {
            held = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldByAnother(e))
        {
            throw new DataDirectoryInUseException(directory, DataDirectoryOwner.TryRead(ownerPath), e);
        }
        var acquired = new DataDirectoryLock(held, ownerPath);
        // At once, so that a server turned away while this one starts does not name a previous owner that crashed.
        acquired.Describe([]);
        return acquired;
    }

    /// <summary>Writes the owner file with the addresses the server listens on (once it does).</summary>
    public void Describe(IReadOnlyList<string> addresses)
    {
        var owner = new DataDirectoryOwner(Environment.ProcessId, [.. addresses], _started);
        // Written aside and renamed, so a reader never sees half of it.
        var temporary = _ownerPath + ".tmp";
        try
        {
            File.WriteAllText(temporary, JsonSerializer.Serialize(owner, DataDirectoryOwner.Json));
            File.Move(temporary, _ownerPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock is what guards the directory; without its description a server turned away says less.
        }
    }

    /// <summary>Deletes the owner file and releases the lock (the lock file stays).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next owner overwrites it.
        }
        _lock.Dispose();
    }

    // EWOULDBLOCK from flock on Linux (11) and macOS (35); a sharing or lock violation on Windows.
    private static bool IsHeldByAnother(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
