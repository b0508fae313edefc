namespace ImpClusterSim.Pki;

/// <summary>What a node's certificates are made for: its FQDN, and the IM&amp;P domains it hosts (for cup-xmpp-s2s).</summary>
public sealed record NodeIdentity(string Fqdn, IReadOnlyList<string> HostedDomains)
{
    public NodeIdentity(string fqdn)
        : this(fqdn, [])
    {
    }

    /// <summary>The SAN dNSNames of a unit's certificate: the FQDN, and for cup-xmpp-s2s also the hosted domains.</summary>
    public IReadOnlyList<string> DnsNamesFor(CertificateUnit unit) => unit.CarriesHostedDomains
        ? new[] { Fqdn }.Concat(HostedDomains.Where(d => !string.Equals(d, Fqdn, StringComparison.OrdinalIgnoreCase))).ToArray()
        : [Fqdn];
}
