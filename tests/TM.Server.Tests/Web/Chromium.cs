using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace TM.Server.Tests.Web;

/// <summary>
/// Debian's chromium and chromium-driver (tests/run installs them), started headless for the web UI's tests. Under
/// CI=true a missing browser fails the tests; elsewhere <see cref="BrowserFactAttribute"/> skips them, saying why.
/// </summary>
internal static class Chromium
{
    public const string BrowserPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    public static bool IsInstalled => File.Exists(BrowserPath) && File.Exists(DriverPath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"chromium and chromium-driver are not installed ({BrowserPath}, {DriverPath}): `apt-get install chromium chromium-driver fonts-noto-cjk`, or run tests/run, which installs them.";

    /// <summary>A headless browser whose console messages can be read (<see cref="LogType.Browser"/>).</summary>
    public static ChromeDriver Start(int width = 1280, int height = 900)
    {
        if (!IsInstalled)
            throw new InvalidOperationException(Missing);
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--lang=ko-KR", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;

        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
