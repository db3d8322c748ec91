using TM.Server.Hosting;

// The TM server: gRPC (and HTTP/JSON) on loopback, SQLite in the user's data folder, seeds imported on first start.
// See README.md for the options (--port, --data-dir, --host, --seeds-dir, --tls-certificate, --http-port, --reflection).
try
{
    var app = await TmServerApp.CreateAsync(args);
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    // 1 when the memories could not be loaded (MemoryLoader stopped the server and said why).
    return Environment.ExitCode;
}
catch (Exception e) when (e is ArgumentException or IOException)
{
    // A bad option or a port in use is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine($"tm server: {e.Message}");
    return 2;
}
