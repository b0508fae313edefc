namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// Where a trust certificate deletion (OS Administration > Security > Certificate Management > Delete) takes effect
/// (Cisco TAC document 211300, "Enhancement in Security Certificate Management"; docs/certificates.md).
/// </summary>
public enum TrustDeletionScope
{
    /// <summary>
    /// Before release 11.0, so in IM&amp;P 9.0(1) (the default): only on the node where it is deleted; the node's Cisco
    /// Certificate Change Notification service copies it back while another node of the cluster still holds it.
    /// </summary>
    PerNode,

    /// <summary>Release 11.0 and later: on every node of the cluster, through the cluster database.</summary>
    Cluster,
}
