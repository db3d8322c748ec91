using TM.Server.Hosting;

// The TM server: gRPC over HTTP/2 on loopback, SQLite under ./data, seeds imported on first start.
// See README.md for the options (--port, --data-dir, --host, --seeds-dir, --tls-certificate).
var app = await TmServerApp.CreateAsync(args);
await app.RunAsync();
