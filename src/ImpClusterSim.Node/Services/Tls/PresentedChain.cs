using System.Collections.Immutable;
using ImpClusterSim.Domain.Tls;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Node.Services;

/// <summary>The chain a service presents or sends as a TLS client: its unit's certificate, then the CA certificates the node held.</summary>
internal static class PresentedChain
{
    public static ImmutableArray<Certificate> Of(ServiceLoad load, CertificateUnit unit) =>
        load.Certificates.OwnCertificate(unit) is { } own
            ? [own.Certificate, .. TlsConnectionCheck.IntermediatesPresentedBy(load.Certificates, unit)]
            : [];
}
