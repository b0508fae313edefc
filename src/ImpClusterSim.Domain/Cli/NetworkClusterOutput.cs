using System.Globalization;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Cli;

/// <summary>Output of <c>show network cluster</c> (domain facts 2.11).</summary>
public static class NetworkClusterOutput
{
    public static string Line(NetworkClusterEntry e)
    {
        var auth = e.AuthenticatedSince is { } since
            ? "authenticated using TCP since " + since.ToDateTime().ToString("ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture)
            : "authenticated";
        return $"{e.IpAddress} {e.Fqdn} {e.HostName} {e.Role} {e.Product} {e.DbRole} {auth}";
    }

    public static string Format(IEnumerable<NetworkClusterEntry> entries) => CliText.Lines(entries.Select(Line));

    /// <summary>
    /// The entries a node lists: the CUCM cluster of its deployment (for an IM&amp;P node, the one its cluster
    /// belongs to) and, on an IM&amp;P node, its own IM&amp;P cluster (on a CUCM node, every IM&amp;P cluster attached to it). IM&amp;P nodes show as "Subscriber cups" (they
    /// are CUCM subscribers) with DBPub for the IM&amp;P database publisher. The local node shows "authenticated";
    /// the others "authenticated using TCP since <paramref name="since"/>" when given.
    /// </summary>
    public static IReadOnlyList<NetworkClusterEntry> Entries(Deployment deployment, string localNode, Time.SimInstant? since = null)
    {
        var node = deployment.Node(localNode);
        var imp = node.IsImp ? deployment.ImpCluster(node.Cluster) : null;
        var cucm = deployment.CucmCluster(imp?.CucmCluster ?? node.Cluster);
        var impNodes = imp?.Nodes ?? deployment.ImpClusters.Where(c => c.CucmCluster == cucm.Name).SelectMany(c => c.Nodes);
        var nodes = cucm.Nodes.Concat(impNodes);
        return
        [
            .. nodes.Select(n => new NetworkClusterEntry(
                n.IpAddress,
                n.Fqdn,
                n.Name,
                n.IsImp || !n.IsPublisher ? "Subscriber" : "Publisher",
                n.IsImp ? "cups" : "callmanager",
                n.IsPublisher ? "DBPub" : "DBSub",
                n.Name == localNode ? null : since)),
        ];
    }
}
