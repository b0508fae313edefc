using System.Diagnostics;

namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>), started the way that works on the project's machines: no sandbox, no
/// GPU, no background networking, a fresh profile. Tests using it are <see cref="ChromiumFactAttribute"/>s: skipped,
/// naming the package, where Chromium is absent; CI installs it (.ci/run).
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string Executable()
    {
        return ExternalTools.Chromium ?? throw new InvalidOperationException(ExternalTools.Missing("chromium", "chromium"));
    }

    /// <summary>The DOM after the page has loaded and parsed (<c>--dump-dom</c>).</summary>
    public static string DumpDom(string htmlFile, string profile) => Run(profile, "--dump-dom", new Uri(htmlFile).AbsoluteUri);

    /// <summary>A PNG screenshot of the page at the given window size.</summary>
    public static void Screenshot(string htmlFile, string png, string profile, int width, int height) =>
        Run(profile, $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);

    private static string Run(string profile, params string[] args)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     $"--user-data-dir={profile}",
                 })
            start.ArgumentList.Add(flag);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within {Limit.TotalSeconds} s");
        }
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
