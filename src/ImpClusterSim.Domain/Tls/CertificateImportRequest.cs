using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tls;

/// <summary>
/// One Submit of the Certificate Import Tool (Cisco Unified CM IM and Presence Administration &gt; System &gt;
/// Security &gt; Certificate Import Tool): the trust store chosen in the menu, the peer's host (IP, hostname or FQDN)
/// and port, whether the peer answered, and the certificates it presented in the handshake (leaf first; empty when
/// no handshake happened). <see cref="At"/> is the importing node's clock.
/// </summary>
public sealed record CertificateImportRequest(
    string TrustStoreChoice,
    string PeerHost,
    int Port,
    bool Reachable,
    ImmutableArray<Certificate> PresentedChain,
    DateTime At);
