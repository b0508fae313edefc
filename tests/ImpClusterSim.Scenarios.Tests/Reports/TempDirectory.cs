namespace ImpClusterSim.Scenarios.Tests.Reports;

/// <summary>A fresh folder under the system's temp folder, deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("impsim-report-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a browser that still holds its profile: the temp folder is cleaned later
    }
}
