using System.Diagnostics;
using Xunit.Abstractions;

namespace TM.Server.Tests.Interop;

/// <summary>
/// The server against an implementation nobody here wrote: Python grpcio with stubs generated
/// from protos/ by grpc_tools.protoc. Needs Debian's python3-grpcio and python3-grpc-tools
/// (.ci/run installs them); without them this test fails rather than skips.
/// </summary>
public sealed class PythonInteropTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    // Debian's packages install for the system interpreter, not for a pyenv or venv python on PATH.
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Python_grpcio_client_imports_looks_up_streams_and_gets_the_right_errors()
    {
        var generated = Directory.CreateTempSubdirectory("tm-python-").FullName;
        try
        {
            await Run(Python, ["-m", "grpc_tools.protoc", "-I", RepositoryPaths.Protos, "--python_out", generated, "--grpc_python_out", generated,
                Path.Combine(RepositoryPaths.Protos, "tm", "v1", "translation_memory.proto"),
                Path.Combine(RepositoryPaths.Protos, "google", "api", "annotations.proto"),
                Path.Combine(RepositoryPaths.Protos, "google", "api", "http.proto"),
                Path.Combine(RepositoryPaths.Protos, "grpc", "health", "v1", "health.proto")], generated);

            var script = Path.Combine(AppContext.BaseDirectory, "Interop", "interop_client.py");
            var hostPort = new Uri(server.Address).Authority;
            var stdout = await Run(Python, [script, hostPort], generated);

            Assert.Contains("interop: all", stdout);
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }

    private async Task<string> Run(string program, string[] arguments, string pythonPath)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["PYTHONPATH"] = pythonPath;
        // grpcio would otherwise route loopback calls through a proxy set in the environment.
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}\n" +
            "Needs Debian's python3-grpcio and python3-grpc-tools: apt-get install -y python3-grpcio python3-grpc-tools");
        return await stdout;
    }
}
