namespace TM.Server.Tests.Interop;

/// <summary>The real server with its second, HTTP/1.1 port open (<c>--http-port</c>) for the HTTP/JSON routes.</summary>
public sealed class HttpPortServerFixture : ServerFixture
{
    protected override IEnumerable<string> ExtraArguments => ["--http-port", "0"];
}
