using ImpClusterSim.Node.Services;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Simulation;

/// <summary>
/// Writes every node's own certificates and trust stores as PEM files (DIR/&lt;node&gt;/own/&lt;unit&gt;.pem,
/// DIR/&lt;node&gt;/trust/&lt;store&gt;/&lt;name&gt;.pem), read from each node's disk, so a node that is down exports too.
/// Anyone can then check them with OpenSSL.
/// </summary>
public static class CertificateExport
{
    /// <returns>The files written, in order.</returns>
    public static IReadOnlyList<string> Write(SimulationRun run, string directory)
    {
        var written = new List<string>();
        foreach (var node in run.Nodes.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            if (!node.Disk.TryGet<NodeDatabaseState>(NodeDatabaseState.DiskKey, out var state)) continue;
            written.AddRange(PemExport.WriteNode(directory, node.Name, state.Certificates.Own, state.Certificates.TrustStores.Values));
        }
        return written;
    }
}
