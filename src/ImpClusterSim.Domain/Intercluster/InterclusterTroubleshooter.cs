using System.Text;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// Diagnostics &gt; System Troubleshooter, Inter-Clustering Troubleshooter: the test "Verify that each TLS-enabled
/// inter-cluster peer has successfully exchanged security certificates" (the guide; domain facts §1.5.1). A TLS
/// peer passes when its Certificate Status is "Connection is secure"; a failure names the peer's IP address (from
/// the topology), which the guide asks the administrator to note.
/// </summary>
public static class InterclusterTroubleshooter
{
    public const string Section = "Inter-Clustering Troubleshooter";
    public const string CertificateExchangeTest =
        "Verify that each TLS-enabled inter-cluster peer has successfully exchanged security certificates";

    public static TroubleshooterTestResult CheckCertificateExchange(IEnumerable<PeerSyncState> states, Deployment topology)
    {
        var checks = states
            .Where(s => s.Peer.IsTls)
            .OrderBy(s => s.PeerAddress, StringComparer.OrdinalIgnoreCase)
            .Select(s =>
            {
                var ip = IpAddressOf(s.PeerAddress, topology);
                var passed = s.Status.Kind == PeerStatusKind.Secure;
                var message = passed
                    ? $"Inter-cluster peer {ip} has exchanged security certificates: {s.Status.Text}"
                    : $"Inter-cluster peer {ip} has not exchanged security certificates: {s.Status.Text}";
                return new TroubleshooterPeerCheck(s.PeerAddress, ip, passed, message);
            })
            .ToArray();
        return new TroubleshooterTestResult(CertificateExchangeTest, checks.All(c => c.Passed), [.. checks]);
    }

    /// <summary>The section as text: the test with a check mark or an error mark, then one line per TLS peer.</summary>
    public static string Format(TroubleshooterTestResult result)
    {
        var text = new StringBuilder();
        text.Append(Section).Append('\n');
        text.Append(Mark(result.Passed)).Append(' ').Append(result.Test).Append('\n');
        if (result.Peers.IsEmpty)
        {
            text.Append("    No TLS-enabled inter-cluster peers are configured.\n");
        }
        foreach (var peer in result.Peers)
        {
            text.Append("    ").Append(Mark(peer.Passed)).Append(' ').Append(peer.Message).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The IP address of the node the peer address names (host name, FQDN or IP); the address itself if unknown.</summary>
    public static string IpAddressOf(string peerAddress, Deployment topology) =>
        topology.Nodes.FirstOrDefault(n =>
            string.Equals(n.Name, peerAddress, StringComparison.OrdinalIgnoreCase)
            || string.Equals(n.Fqdn, peerAddress, StringComparison.OrdinalIgnoreCase)
            || n.IpAddress == peerAddress)?.IpAddress ?? peerAddress;

    private static string Mark(bool passed) => passed ? PeerStatusPanel.CheckMark : PeerStatusPanel.ErrorMark;
}
