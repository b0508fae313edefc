namespace ImpClusterSim.Domain.Intercluster;

/// <summary>The peer's "Protocol" field (domain facts §1.2.4): TCP is the default; with TLS the agents exchange certificates.</summary>
public enum PeerProtocol
{
    Tcp,
    Tls,
}
