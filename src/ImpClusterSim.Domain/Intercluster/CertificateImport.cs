using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>A certificate a sync imports into a local trust store (on the publisher; cluster replication spreads it).</summary>
public sealed record CertificateImport(string StoreName, Certificate Certificate)
{
    public override string ToString() => $"{Certificate} -> {StoreName}";
}

/// <summary>
/// A certificate the peer holds that this sync could not import (refused by the store's upload rules, e.g. its
/// issuer is missing or FIPS policy refuses it): the Intercluster Peer Configuration window marks it with an X
/// (domain facts §1.4.5) and it must be copied by hand.
/// </summary>
public sealed record CertificateNotImported(string StoreName, Certificate Certificate, string Reason);
