using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>
/// One certificate moved from a peer cluster into a local store by a sync, with both sides' FIPS modes at that
/// moment: the log <see cref="FipsExchangeInvariant"/> checks.
/// </summary>
public sealed record CertificateExchange(SimInstant At, string FromPeer, bool FromFips, string ToCluster, bool ToFips, CertificateImport Import)
{
    public override string ToString() =>
        $"{At}: {Import.Certificate} from {FromPeer} ({(FromFips ? "FIPS" : "non-FIPS")}) into {ToCluster} {Import.StoreName} ({(ToFips ? "FIPS" : "non-FIPS")})";
}
