using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// A trust change a node accepted, before the publisher's database has ordered it: <see cref="Change"/> is a
/// <see cref="TrustCertificateAdded"/> or <see cref="TrustCertificateRemoved"/>. <see cref="OriginSequence"/>
/// numbers the origin node's own changes (1, 2, ...), so a change forwarded twice is recorded once.
/// </summary>
public sealed record TrustChangeRequest(string OriginNode, long OriginSequence, CertificateEvent Change);

/// <summary>A trust change in the publisher's cluster database, with its place in the cluster's order (1, 2, ...).</summary>
public sealed record TrustChange(long Sequence, TrustChangeRequest Request)
{
    public CertificateEvent Change => Request.Change;

    public string OriginNode => Request.OriginNode;
}
