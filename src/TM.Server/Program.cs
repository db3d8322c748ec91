using TM.Server.Hosting;
using TM.Server.Hosting.CommandLine;

// The TM server: gRPC (and HTTP/JSON) on loopback, SQLite in the user's data folder, seeds imported on first start.
// `TM.Server --help` and README.md list the options.
try
{
    var options = ServerCommandLine.Parse(args, Environment.GetEnvironmentVariable, Console.Out);
    if (options is null)
        return 0; // --help or --version, printed
    // Disposed at the end, after the host has stopped every call and background job: the store moves the WAL into tm.db
    // and closes its connections, so tm.db alone holds everything; then the data directory's lock is released.
    await using var app = await TmServerApp.CreateAsync(options);
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    // 1 when the memories could not be loaded (MemoryLoader stopped the server and said why).
    return Environment.ExitCode;
}
catch (Exception e) when (e is ArgumentException or IOException)
{
    // A bad option, a data directory in use or a port in use is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"tm server: {e.Message}");
    return 2;
}
