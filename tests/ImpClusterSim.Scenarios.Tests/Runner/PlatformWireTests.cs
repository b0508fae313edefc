using System.Collections.Immutable;
using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Certificates;
using ImpClusterSim.Domain.Intercluster;
using ImpClusterSim.Domain.Replication;
using ImpClusterSim.Live;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Node.Services;
using ImpClusterSim.Node.Wire;
using ImpClusterSim.Node.Wire.Platform;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Runner;

/// <summary>
/// Watches a sim run's network (every payload a node sends) and every node's disk (every put): each payload and value
/// must have a wire codec for live mode (a new message type without one is listed in <see cref="Missing"/>), and the
/// samples kept (a few per type, plus any value bringing a type not seen yet, and the registered values nested in
/// them) must round-trip: read back, they write the same bytes, so no field is lost.
/// </summary>
internal sealed class WireCapture
{
    private const int PerType = 12;
    private readonly Dictionary<Type, List<object>> _seen = [];

    public HashSet<Type> Exercised { get; } = [];

    public SortedSet<string> Missing { get; } = new(StringComparer.Ordinal);

    public void Attach(Simulation.SimulationRun run, string file)
    {
        run.Network.Sent += e => Capture(e.Payload, $"sent by {e.FromService} in {file}");
        foreach (var node in run.Nodes) node.Disk.Written += (key, value) => Capture(value, $"'{key}' on disk in {file}");
    }

    public void Capture(object value, string where)
    {
        var registry = LiveCodecs.Registry;
        if (!registry.Knows(value.GetType()))
        {
            Missing.Add($"{value.GetType().FullName} ({where})");
            return;
        }
        var parts = Walk(value).ToArray();
        var bringsNew = parts.Any(p => !Exercised.Contains(p.GetType()));
        Exercised.UnionWith(parts.Select(p => p.GetType()));
        if (!_seen.TryGetValue(value.GetType(), out var list)) _seen[value.GetType()] = list = [];
        if (list.Count < PerType || bringsNew) list.Add(value);
        if (bringsNew)
            foreach (var part in parts.Skip(1))
                if (registry.Knows(part.GetType()))
                    (_seen.TryGetValue(part.GetType(), out var l) ? l : _seen[part.GetType()] = []).Add(part);
    }

    /// <summary>No value without a codec, and every sample round-trips.</summary>
    public void AssertAllRoundTrip()
    {
        Assert.True(Missing.Count == 0, "no wire codec for:\n" + string.Join("\n", Missing));
        foreach (var value in _seen.Values.SelectMany(v => v)) AssertRoundTrips(value);
    }

    public static void AssertRoundTrips(object value)
    {
        var registry = LiveCodecs.Registry;
        var manifest = registry.ManifestOf(value.GetType());
        var bytes = registry.ToBytes(value);
        var back = registry.FromBytes(bytes, manifest);
        Assert.Equal(value.GetType(), back.GetType());
        Assert.True(bytes.AsSpan().SequenceEqual(registry.ToBytes(back)), $"{manifest}: read back, it writes other bytes");
    }

    /// <summary>A value and, recursively, the registered values inside it (what its codec writes through other codecs).</summary>
    private static IEnumerable<object> Walk(object value)
    {
        yield return value;
        foreach (var part in Parts(value))
            foreach (var inner in Walk(part))
                yield return inner;
    }

    /// <summary>The registered values directly inside a value (what its codec writes through other codecs' fields).</summary>
    private static IEnumerable<object> Parts(object value) => value switch
    {
        NodeDatabaseState s => new object?[] { s.Banner, s.Certificates, s.Replica, s.TrustLog, s.Settings, s.Cucm, s.Icsa }.OfType<object>(),
        NodeBanner b => b.Banner is { } banner ? [banner] : [],
        CucmConfiguration c => c.Profiles.Values.Cast<object>().Concat(c.Trunks.Values),
        Domain.Settings.SecuritySettings s => s.TlsPeerSubjects,
        ReplicaProgress p => p.Outbox,
        ClusterTrustLog l => l.Changes,
        NodeFipsState f => [f.Fips],
        NodeCertificates c => new object[] { c.Own }.Concat(c.TrustStores.Values),
        Pki.OwnCertificateStore o => o.Certificates.Values.Cast<object>().Concat(o.PendingRequests.Values),
        Pki.OwnCertificate o => [o.Certificate],
        Pki.TrustStore t => t.Entries,
        Pki.TrustEntry e => [e.Certificate],
        InterclusterSyncAgent a => new object[] { a.Peers, a.Timings }.Concat(a.States.Values),
        InterclusterPeers p => p.All,
        PeerSyncState p => new object[] { p.Peer, p.Status }.Concat(p.Results).Concat(p.NotImported).Concat(p.LastPresentedChain),
        CertificateNotImported n => [n.Certificate],
        TrustChange c => [c.Request],
        TrustChangeRequest q => [q.Change],
        TrustCertificateAdded a => [a.Entry],
        TrustCertificate t => [t.Certificate],
        OwnCertificateChanged o => [o.Certificate],
        ForwardTrustChanges f => f.Requests,
        CertificateChangeCopyBack c => c.Certificates,
        ReplicaUpdate u => new object?[] { u.Trust, u.Settings, u.Cluster }.OfType<object>(),
        TrustChanges t => t.Changes,
        SettingsReplica r => [r.Settings],
        ClusterReplicationView v => v.Nodes,
        ServiceUnavailable u => [u.Request],
        IcsaSyncResponse r => r.PresentedTomcatChain.Concat(r.TomcatTrust),
        TlsHello h => h.ClientChain,
        TlsServerHello h => h.ServerChain,
        _ => [],
    };

}

/// <summary>
/// Live mode needs a wire codec for every message that crosses a node boundary and every value a node keeps on disk.
/// Every scenario file checks its own traffic and disk with a <see cref="WireCapture"/> as it plays
/// (<see cref="ScenarioFilesPassTests"/>); here a few files that together touch every part of the platform, plus
/// hand-made samples of the values these files do not produce, prove each platform codec is exercised.
/// </summary>
public sealed class PlatformWireTests
{
    /// <summary>Between them: CSRs and CA-signed leaves, intercluster sync with failures, banners, CUCM trunks, settings, FIPS.</summary>
    private static readonly string[] CoveringFiles =
    [
        "ca-sync-across-three-clusters.yaml", "cucm-imp-certificate-exchange.yaml", "login-banner.yaml",
        "tls-peer-subject-and-context.yaml", "failures/peer-tomcat-regenerated.yaml", "failures/fips-one-cluster-only.yaml",
        "ca-signed-tomcat.yaml", "failures/trust-deleted-on-one-node.yaml",
    ];

    [Fact]
    public void Every_platform_codec_is_exercised_by_scenarios_or_a_sample_and_round_trips()
    {
        var capture = new WireCapture();
        foreach (var file in CoveringFiles)
            ScenarioRunner.Run(ScenarioFiles.Load(file), new ScenarioRunOptions { AtStart = run => capture.Attach(run, file) });

        var certificate = new Pki.NodeCertificateFactory("wire-test", Pki.KeyPool.Shared)
            .CreateSelfSigned(new Pki.NodeIdentity("imp-a-pub.example.com"), Pki.CertificateUnit.Tomcat, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Certificate;
        capture.Capture(new OwnCertificateChanged(Pki.CertificateUnit.Tomcat, certificate, ["Cisco Tomcat"]), "sample");
        capture.Capture(new CertificateNotImported("tomcat-trust", certificate, "validity starts before the one held"), "sample");
        // A subscriber's own trust change, forwarded to its publisher and acknowledged (the covering files upload on publishers).
        var added = new TrustCertificateAdded("tomcat-trust", new TrustCertificate("tomcat-trust", "imp-a-pub.example.com_1.pem", certificate, "peer"), ["Cisco Tomcat"]);
        capture.Capture(new ForwardTrustChanges([new TrustChangeRequest("imp-a-sub1", 3, added)]), "sample");
        capture.Capture(new TrustChangesAcknowledged(3), "sample");
        capture.AssertAllRoundTrip();

        var platform = PkiCodecs.All.Concat(CertificateCodecs.All).Concat(ReplicationCodecs.All).Concat(SettingsCodecs.All)
            .Concat(InterclusterCodecs.All).Concat(PlatformCodecs.All).Select(c => c.Type);
        var unexercised = platform.Where(t => !capture.Exercised.Contains(t)).Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.True(unexercised.Length == 0, "platform codecs nothing exercised: " + string.Join(", ", unexercised));
    }

    [Fact]
    public void A_key_pair_read_back_from_pkcs8_has_the_same_public_key()
    {
        foreach (var algorithm in new[] { Pki.KeyAlgorithm.Rsa2048, Pki.KeyAlgorithm.EcP256, Pki.KeyAlgorithm.EcP384 })
        {
            var key = Pki.KeyPool.Shared.Get("wire-test/" + algorithm, algorithm);
            var back = Pki.KeyPair.FromPrivateKeyDer(algorithm, key.KeyId, key.PoolSlot, key.GetPrivateKeyDer());
            Assert.Equal(key.PublicKeyFingerprint, back.PublicKeyFingerprint);
            Assert.Equal(key.GetPublicKeyDer(), back.GetPublicKeyDer());
        }
        Assert.Throws<FormatException>(() => Pki.KeyPair.FromPrivateKeyDer(Pki.KeyAlgorithm.Rsa2048, "x", null, [1, 2, 3]));
    }

    [Fact]
    public void A_corrupt_certificate_or_unknown_enum_member_on_the_wire_is_refused_with_a_reason()
    {
        var registry = LiveCodecs.Registry;
        var hello = new TlsHello(1, "imp-a-pub.example.com", [], false);
        var bytes = registry.ToBytes(new ServiceUnavailable("Cisco Tomcat", hello));
        var back = (ServiceUnavailable)registry.FromBytes(bytes, registry.ManifestOf(typeof(ServiceUnavailable)));
        Assert.Equal("imp-a-pub.example.com", ((TlsHello)back.Request).HostName);

        var status = registry.ToBytes(new PeerStatus(PeerStatusKind.Secure, PeerStatus.SecureText));
        status[4] = (byte)'X'; // the enum member's name, after its 4-byte length
        Assert.Contains("is not a PeerStatusKind", Assert.Throws<WireFormatException>(() => registry.FromBytes(status, "peer-status.v1")).Message);

        var certificate = registry.ToBytes(new IcsaAgentRestartedNotice("imp-b-pub"));
        Assert.Equal("imp-b-pub", ((IcsaAgentRestartedNotice)registry.FromBytes(certificate, "icsa-agent-restarted.v1")).FromNode);
        var chain = TlsHelloWithGarbageCertificate();
        Assert.Contains("not a certificate", Assert.Throws<WireFormatException>(() => registry.FromBytes(chain, "tls-hello.v1")).Message);
    }

    /// <summary>Hand-made bytes of a TLS hello whose one client certificate is not DER.</summary>
    private static byte[] TlsHelloWithGarbageCertificate()
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write(7L);
        var host = System.Text.Encoding.UTF8.GetBytes("h");
        w.Write(host.Length);
        w.Write(host);
        w.Write(1); // one certificate
        w.Write(3);
        w.Write(new byte[] { 0x30, 0x01, 0x00 });
        w.Write(false);
        w.Flush();
        return stream.ToArray();
    }
}
