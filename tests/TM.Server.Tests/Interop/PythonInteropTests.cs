using Xunit.Abstractions;

namespace TM.Server.Tests.Interop;

/// <summary>
/// The server against an implementation nobody here wrote: Python grpcio with stubs generated
/// from protos/ by grpc_tools.protoc. Needs Debian's python3-grpcio and python3-grpc-tools
/// (tests/run installs them); without them this test fails rather than skips.
/// </summary>
public sealed class PythonInteropTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    // Debian's packages install for the system interpreter, not for a pyenv or venv python on PATH.
    private const string Python = "/usr/bin/python3";
    private const string HowToInstall = "Needs Debian's python3-grpcio and python3-grpc-tools: run tests/run as root, or apt-get install -y python3-grpcio python3-grpc-tools";

    [Fact]
    public async Task Python_grpcio_client_imports_looks_up_curates_streams_and_gets_the_right_errors()
    {
        var generated = Directory.CreateTempSubdirectory("tm-python-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["PYTHONPATH"] = generated };
            await ExternalProgram.RunAsync(output, Python, ["-m", "grpc_tools.protoc", "-I", RepositoryPaths.Protos, "--python_out", generated, "--grpc_python_out", generated,
                Path.Combine(RepositoryPaths.Protos, "tm", "v1", "translation_memory.proto"),
                Path.Combine(RepositoryPaths.Protos, "google", "api", "annotations.proto"),
                Path.Combine(RepositoryPaths.Protos, "google", "api", "http.proto"),
                Path.Combine(RepositoryPaths.Protos, "grpc", "health", "v1", "health.proto")], HowToInstall, generated, environment);

            var script = Path.Combine(AppContext.BaseDirectory, "Interop", "interop_client.py");
            var hostPort = new Uri(server.Address).Authority;
            var stdout = await ExternalProgram.RunAsync(output, Python, [script, hostPort], HowToInstall, generated, environment);

            Assert.Contains("interop: all", stdout);
        }
        finally
        {
            Directory.Delete(generated, recursive: true);
        }
    }
}
