using Xunit.Abstractions;

namespace TM.Server.Tests.Interop;

/// <summary>
/// The server against Node.js clients nobody here wrote: @grpc/grpc-js with the contract loaded from protos/ by
/// @grpc/proto-loader (lookups, concordance, a client-streaming import, deadlines), and grpc-reflection-js discovering
/// the API through server reflection. The scripts and their locked packages are in Interop/node; tests/run installs
/// Node.js and runs npm ci there. Without them these tests fail rather than skip.
/// </summary>
public sealed class NodeInteropTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const string HowToInstall = "Needs Node.js and the locked npm packages: run tests/run as root, or apt-get install -y nodejs npm && (cd tests/TM.Server.Tests/Interop/node && npm ci)";

    private static string Scripts => Path.Combine(RepositoryPaths.Root, "tests", "TM.Server.Tests", "Interop", "node");

    [Fact]
    public async Task Grpc_js_client_looks_up_searches_streams_an_import_and_meets_deadlines()
    {
        var stdout = await RunAsync("interop_client.js");

        Assert.Contains("interop: all", stdout);
    }

    [Fact]
    public async Task Reflection_client_lists_the_services_and_resolves_the_contract()
    {
        var stdout = await RunAsync("reflection_client.js");

        Assert.Contains("reflection: all", stdout);
    }

    private Task<string> RunAsync(string script)
    {
        Assert.True(Directory.Exists(Path.Combine(Scripts, "node_modules")), $"{Scripts}/node_modules is missing. {HowToInstall}");
        return ExternalProgram.RunAsync(output, "node", [script, new Uri(server.Address).Authority], HowToInstall, Scripts);
    }
}
