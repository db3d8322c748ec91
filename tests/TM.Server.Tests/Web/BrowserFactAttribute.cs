namespace TM.Server.Tests.Web;

/// <summary>
/// A test that drives chromium: skipped, with the reason, on a machine without it, except under CI=true, where it runs
/// and fails (a CI run must not pass without its browser tests).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.InCi)
            Skip = Chromium.Missing;
    }
}
