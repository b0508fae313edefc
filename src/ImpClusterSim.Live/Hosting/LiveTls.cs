namespace ImpClusterSim.Live;

/// <summary>
/// Where a live run's TLS files are: <c>DIR/ca.pem</c> (the run's CA) and <c>DIR/NAME.pfx</c> for each process
/// (the coordinator's name is <c>coordinator</c>), with the password in <see cref="PfxPassword"/>.
/// </summary>
public static class LiveTls
{
    public const string PfxPassword = "impsim-live";

    public static LiveTlsFiles FilesFor(string directory, string name) =>
        new(Path.Combine(directory, name + ".pfx"), PfxPassword, Path.Combine(directory, "ca.pem"));
}
