using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ImpClusterSim.Pki;

/// <summary>
/// Makes a node's own certificates and CSRs. Key ids are "&lt;seed&gt;/&lt;fqdn&gt;/&lt;unit&gt;/&lt;generation&gt;"
/// (and ".../csr/&lt;generation&gt;" for CSR keys), so which key a node gets depends only on the seed and names.
/// </summary>
public sealed class NodeCertificateFactory
{
    /// <summary>
    /// The seed of a simulated deployment's own keys and certificates, in sim and live mode alike: a deployment is
    /// installed once and a run's seed varies its history (timings, faults), not its key material, so the installation
    /// of a node is the same in every run and is made once per process (docs/pki.md, "Determinism").
    /// </summary>
    public const string DeploymentSeed = "deployment";

    /// <summary>The most self-signed certificates remembered per key pool (<see cref="CreateSelfSigned"/>).</summary>
    public const int SelfSignedMemoCapacity = 8_192;

    // Self-signed certificates already made, per key pool: the same key id, validity, hash and names make the same bytes
    // (keys come from the pool by id, the signature is deterministic), so every run's installation of a node is one
    // lookup instead of building, encoding and parsing each certificate again.
    private static readonly ConditionalWeakTable<KeyPool, ConcurrentDictionary<SelfSignedKey, OwnCertificate>> SelfSigned = new();

    public NodeCertificateFactory(string seed, KeyPool keyPool)
    {
        Seed = seed;
        KeyPool = keyPool;
    }

    public string Seed { get; }

    public KeyPool KeyPool { get; }

    public string KeyIdFor(NodeIdentity node, CertificateUnit unit, int generation) => KeyIdFor(node, unit, generation, "");

    private string KeyIdFor(NodeIdentity node, CertificateUnit unit, int generation, string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"{Seed}/{node.Fqdn}/{unit.Name}/{purpose}{generation}");

    /// <summary>
    /// The self-signed certificate a unit has at installation (generation 0) or after regeneration: CN = FQDN,
    /// SANs per unit, key usage and EKU per domain facts §3.2.5, valid from <paramref name="notBefore"/> for
    /// <paramref name="validityYears"/> years minus one second (as VOS does).
    /// </summary>
    public OwnCertificate CreateSelfSigned(NodeIdentity node, CertificateUnit unit, DateTime notBefore, int generation = 0,
        KeyAlgorithm algorithm = KeyAlgorithm.Rsa2048, SignatureHash hash = SignatureHash.Sha256, int validityYears = 5)
    {
        var keyId = KeyIdFor(node, unit, generation);
        var dnsNames = node.DnsNamesFor(unit);
        var made = SelfSigned.GetValue(KeyPool, _ => new ConcurrentDictionary<SelfSignedKey, OwnCertificate>());
        // What the certificate says of its validity: whole seconds (RFC 5280 §4.1.2.5). Its serial comes from that too, so
        // a certificate made again for the same key in the same second is the same certificate.
        notBefore = CertificateBuilder.TruncateToSeconds(notBefore);
        var memo = new SelfSignedKey(unit.Name, keyId, notBefore.Ticks, algorithm, hash, validityYears, string.Join(',', dnsNames));
        if (made.TryGetValue(memo, out var known)) return known;

        var key = KeyPool.Get(keyId, algorithm);
        var name = DistinguishedNames.Build(node.Fqdn);
        var template = new CertificateTemplate(name, name, key.Public, key.Private, key.Public, notBefore,
            notBefore.AddYears(validityYears).AddSeconds(-1), hash, false, null, KeyUsageBits.TlsLeaf,
            KeyUsageBits.ServerAndClient, dnsNames);
        var random = DeterministicRandom.For("self-signed", key.KeyId, notBefore.Ticks.ToString(CultureInfo.InvariantCulture));
        var certificate = new OwnCertificate(unit, CertificateBuilder.Build(template, random), key, generation);
        if (made.Count >= SelfSignedMemoCapacity) made.Clear();
        return made.GetOrAdd(memo, certificate);
    }

    private readonly record struct SelfSignedKey(string Unit, string KeyId, long NotBeforeTicks, KeyAlgorithm Algorithm, SignatureHash Hash,
        int ValidityYears, string DnsNames);

    /// <summary>A CSR for a unit, with a new key of its own (the CSR key replaces the unit's key on install).</summary>
    public PendingRequest CreateRequest(NodeIdentity node, CertificateUnit unit, int generation,
        KeyAlgorithm algorithm = KeyAlgorithm.Rsa2048, SignatureHash hash = SignatureHash.Sha256, string? commonName = null)
    {
        var key = KeyPool.Get(KeyIdFor(node, unit, generation, "csr/"), algorithm);
        var request = CertificateRequest.Create(commonName ?? node.Fqdn, node.DnsNamesFor(unit), key, hash);
        return new PendingRequest(unit, request, key, generation);
    }

    /// <summary>All own certificates of a freshly installed node: IM&amp;P units, or tomcat and CallManager on CUCM.</summary>
    public OwnCertificateStore CreateInstallationSet(NodeIdentity node, IEnumerable<CertificateUnit> units, DateTime installedAt,
        KeyAlgorithm algorithm = KeyAlgorithm.Rsa2048)
    {
        var store = OwnCertificateStore.Empty;
        foreach (var unit in units)
        {
            store = store.With(CreateSelfSigned(node, unit, installedAt, 0, algorithm));
        }
        return store;
    }
}
