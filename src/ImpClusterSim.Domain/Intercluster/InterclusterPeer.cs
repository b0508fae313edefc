namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// One Presence &gt; Inter-Clustering entry on an IM&amp;P database publisher (domain facts §1.2): the remote
/// publisher's node name as its Presence Topology defines it (host name, FQDN or IP address), the remote
/// cluster's intercluster application user (AXL) and the protocol.
/// </summary>
public sealed record InterclusterPeer(string PeerAddress, string AxlUsername, string AxlPassword, PeerProtocol Protocol = PeerProtocol.Tcp)
{
    public bool IsTls => Protocol == PeerProtocol.Tls;

    public override string ToString() => $"{PeerAddress} ({Protocol.ToString().ToUpperInvariant()})";
}
