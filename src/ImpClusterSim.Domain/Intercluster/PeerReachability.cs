namespace ImpClusterSim.Domain.Intercluster;

/// <summary>What a sync attempt's connection to the peer's Cisco Tomcat (AXL, port 8443) came back with.</summary>
public enum PeerReachability
{
    /// <summary>The peer answered the AXL request.</summary>
    Answered,

    /// <summary>No answer in time: partition, loss, DNS failover (domain facts §1.6.1).</summary>
    Timeout,

    /// <summary>The peer's Cisco Tomcat or Cisco AXL Web Service is not Started.</summary>
    TomcatOrAxlNotStarted,

    /// <summary>The AXL username/password of the peer entry are not the peer's intercluster application user.</summary>
    WrongCredentials,

    /// <summary>The peer has no entry for this cluster (deleted on one side only): it refuses the sync.</summary>
    NotConfiguredOnPeer,
}
