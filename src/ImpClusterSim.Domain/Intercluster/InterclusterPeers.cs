using System.Collections.Immutable;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// The intercluster peers configured on one IM&amp;P cluster's database publisher (domain facts §1.2), keyed by peer
/// address (case-insensitive, sorted). Each cluster holds its own list: deleting a peer here does not delete this
/// cluster from the peer's list, and a peer of a peer is not implied. Immutable: changes return a new list.
/// </summary>
public sealed class InterclusterPeers
{
    private InterclusterPeers(string localPublisher, ImmutableSortedDictionary<string, InterclusterPeer> byAddress)
    {
        LocalPublisher = localPublisher;
        ByAddress = byAddress;
    }

    /// <summary>The local publisher's node name (a peer entry may not point at it).</summary>
    /// <summary>Peers read back as they were kept (the publisher's durable state).</summary>
    public static InterclusterPeers Restore(string localPublisher, IEnumerable<InterclusterPeer> peers) =>
        new(localPublisher, peers.ToImmutableSortedDictionary(p => p.PeerAddress, p => p, StringComparer.OrdinalIgnoreCase));

    public string LocalPublisher { get; }

    public ImmutableSortedDictionary<string, InterclusterPeer> ByAddress { get; }

    public IEnumerable<InterclusterPeer> All => ByAddress.Values;

    public int Count => ByAddress.Count;

    public static InterclusterPeers Empty(string localPublisher) =>
        new(localPublisher, ImmutableSortedDictionary.Create<string, InterclusterPeer>(StringComparer.OrdinalIgnoreCase));

    public InterclusterPeer? Find(string peerAddress) => ByAddress.GetValueOrDefault(peerAddress);

    /// <summary>The entry whose address names <paramref name="node"/> by host name, FQDN or IP address, or null.</summary>
    public InterclusterPeer? FindNode(NodeSpec node) =>
        Find(node.Name) ?? Find(node.Fqdn) ?? Find(node.IpAddress);

    /// <summary>Adds a peer; a second entry for the same address is refused (alarm InterclusterSyncAgentPeerDuplicate).</summary>
    public PeerConfigChange Add(InterclusterPeer peer)
    {
        if (string.IsNullOrWhiteSpace(peer.PeerAddress))
        {
            return new PeerConfigChange(this, PeerConfigOutcome.Refused, "Peer Address is required.", null);
        }
        if (string.Equals(peer.PeerAddress, LocalPublisher, StringComparison.OrdinalIgnoreCase))
        {
            return new PeerConfigChange(this, PeerConfigOutcome.Refused,
                $"Peer Address '{peer.PeerAddress}' is this cluster's own publisher.", null);
        }
        if (ByAddress.ContainsKey(peer.PeerAddress))
        {
            return new PeerConfigChange(this, PeerConfigOutcome.Duplicate,
                $"An intercluster peer with address '{peer.PeerAddress}' already exists.",
                new IcsaAlarm(IcsaAlarm.PeerDuplicate, peer.PeerAddress, "peer added twice"));
        }
        return new PeerConfigChange(new InterclusterPeers(LocalPublisher, ByAddress.Add(peer.PeerAddress, peer)),
            PeerConfigOutcome.Added, $"Intercluster peer '{peer.PeerAddress}' added.", null);
    }

    /// <summary>Deletes this cluster's entry only; the peer keeps its entry for this cluster until deleted there too (§1.2.2).</summary>
    public PeerConfigChange Delete(string peerAddress) => ByAddress.ContainsKey(peerAddress)
        ? new PeerConfigChange(new InterclusterPeers(LocalPublisher, ByAddress.Remove(peerAddress)), PeerConfigOutcome.Deleted,
            $"Intercluster peer '{peerAddress}' deleted. Delete the matching peer on the remote cluster too.", null)
        : new PeerConfigChange(this, PeerConfigOutcome.NotFound, $"No intercluster peer with address '{peerAddress}'.", null);

    /// <summary>
    /// How this publisher answers a sync request from <paramref name="caller"/> (another cluster's publisher): refused
    /// unless this cluster has an entry for the caller, and only with Tomcat and AXL up and the right credentials.
    /// </summary>
    public PeerReachability Answer(NodeSpec caller, bool tomcatAndAxlStarted, bool credentialsValid) =>
        !tomcatAndAxlStarted ? PeerReachability.TomcatOrAxlNotStarted
        : !credentialsValid ? PeerReachability.WrongCredentials
        : FindNode(caller) is null ? PeerReachability.NotConfiguredOnPeer
        : PeerReachability.Answered;

    public override string ToString() => $"{LocalPublisher}: [{string.Join(", ", All)}]";
}
