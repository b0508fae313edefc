using System.Collections.Immutable;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Tests.Intercluster;

/// <summary>Fast EC P-256 certificates and stores for the intercluster tests.</summary>
internal static class IcsaPki
{
    public const string Seed = "icsa-tests";
    public const string BPub = "imp-b-pub.example.com";
    public const string APub = "imp-a-pub.example.com";

    public static readonly DateTime Installed = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly SimInstant Now = SimInstant.FromDateTime(Installed.AddDays(30));
    public static readonly IcsaTimings Timings = IcsaTimings.Default;

    private static readonly NodeCertificateFactory Factory = new(Seed, KeyPool.Shared);

    public static InterclusterPeer TlsPeer(string address = BPub) => new(address, "axluser", "axlpass", PeerProtocol.Tls);

    public static Certificate SelfSignedTomcat(string fqdn, int generation = 0, SignatureHash hash = SignatureHash.Sha256) =>
        Factory.CreateSelfSigned(new NodeIdentity(fqdn), CertificateUnit.Tomcat, Installed.AddDays(generation), generation,
            KeyAlgorithm.EcP256, hash).Certificate;

    public static Certificate SelfSignedCupXmpp(string fqdn) =>
        Factory.CreateSelfSigned(new NodeIdentity(fqdn), CertificateUnit.CupXmpp, Installed, 0, KeyAlgorithm.EcP256).Certificate;

    public static CertificateAuthority Root(string name) =>
        CertificateAuthority.CreateRoot(Seed, name, KeyPool.Shared.Get($"{Seed}/{name}", KeyAlgorithm.EcP256), Installed.AddDays(-10));

    public static Certificate CaSignedTomcat(CertificateAuthority ca, string fqdn, int day = 10, CertificateFault fault = CertificateFault.None) =>
        ca.IssueLeaf(fqdn, [fqdn], KeyPool.Shared.Get($"{Seed}/{fqdn}/tomcat/ca-signed", KeyAlgorithm.EcP256), Installed.AddDays(day),
            fault: fault).Certificate;

    public static TrustStore TomcatTrust(params Certificate[] certificates) => TrustStore.Of("tomcat-trust", certificates);

    public static TrustStore CupXmppTrust(params Certificate[] certificates) => TrustStore.Of("cup-xmpp-trust", certificates);

    public static SyncAttempt Answered(TrustStore tomcatTrust, params Certificate[] presented) =>
        new(PeerReachability.Answered, [.. presented], tomcatTrust, CupXmppTrust(), false, false);

    /// <summary>The local stores after applying a sync's imports, as the actor would.</summary>
    public static TrustStore Apply(TrustStore store, IEnumerable<CertificateImport> imports, bool fips = false) =>
        imports.Where(i => i.StoreName == store.Name).Aggregate(store, (s, i) => s.Upload(i.Certificate, fips).Store);

    public static ImmutableArray<Certificate> Chain(params Certificate[] certificates) => [.. certificates];
}
