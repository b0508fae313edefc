namespace ImpClusterSim.Domain.Services;

/// <summary>Which nodes of a product run a service.</summary>
public enum ServicePlacement
{
    /// <summary>Every node of the product.</summary>
    AllNodes,

    /// <summary>Only the (database) publisher, e.g. Cisco Sync Agent.</summary>
    PublisherOnly,

    /// <summary>Only nodes flagged as federation nodes (Cisco XCP XMPP Federation Connection Manager).</summary>
    FederationNodesOnly,

    /// <summary>Only nodes whose topology entry enables it (Cisco TFTP on CUCM: <c>tftp: true</c>).</summary>
    TftpNodesOnly,
}
