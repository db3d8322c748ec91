using Npgsql;
using TM.Storage;
using TM.Storage.Postgres;

namespace TM.Server.Hosting;

/// <summary>
/// Opens the store <see cref="ServerOptions.Store"/> names: SQLite in the data directory when it is null, else the
/// PostgreSQL database it names, as a URL or as an Npgsql connection string.
/// </summary>
internal static class StoreOpener
{
    /// <summary>Opens (and migrates) the store of <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The PostgreSQL address is malformed; the message says how it should look.</exception>
    /// <exception cref="IOException">The PostgreSQL database cannot be reached or refuses the login; the message names it, without the password.</exception>
    public static ISegmentStore Open(ServerOptions options)
    {
        if (options.Store is null)
            return SegmentStore.Open(options.DatabasePath);
        var connection = ConnectionStringOf(options.Store);
        try
        {
            return PostgresSegmentStore.Open(connection.ConnectionString);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new IOException(
                $"Cannot open the PostgreSQL store {connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The Npgsql connection string of a <c>--store</c> value: <c>postgres://</c> or <c>postgresql://</c>
    /// URLs (user, password, host, port, database; query parameters as Npgsql keywords) or a connection string as it is.
    /// </summary>
    /// <exception cref="ArgumentException">Neither a URL with a host and a database nor a connection string Npgsql reads.</exception>
    public static NpgsqlConnectionStringBuilder ConnectionStringOf(string store)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(store);
        var builder = store.Contains("://", StringComparison.Ordinal) ? FromUrl(store) : FromKeywords(store);
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Database))
            throw new ArgumentException($"--store needs a host and a database, as in postgres://tm@localhost:5432/tm or Host=localhost;Database=tm.");
        return builder;
    }

    private static NpgsqlConnectionStringBuilder FromKeywords(string store)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(store);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException($"--store is neither a postgres:// URL nor a connection string PostgreSQL's client reads: {e.Message}");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string store)
    {
        if (!Uri.TryCreate(store, UriKind.Absolute, out var url) || url.Scheme is not ("postgres" or "postgresql"))
            throw new ArgumentException("--store takes postgres://user[:password]@host[:port]/database (or a connection string Host=…;Database=…).");
        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) };
        if (!url.IsDefaultPort && url.Port > 0)
            builder.Port = url.Port;
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
        }
        foreach (var parameter in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? parameter : parameter[..equals]);
            try
            {
                builder[name] = equals < 0 ? "" : Uri.UnescapeDataString(parameter[(equals + 1)..]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"--store: the parameter '{name}' is not one PostgreSQL's client knows: {e.Message}");
            }
        }
        return builder;
    }
}
