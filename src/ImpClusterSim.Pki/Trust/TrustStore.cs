using System.Collections.Immutable;

namespace ImpClusterSim.Pki;

/// <summary>
/// A named trust store (tomcat-trust, cup-trust, cup-xmpp-trust, CallManager-trust). Immutable: uploads return a
/// new store, so a store can be kept, compared and replicated by reference.
/// Upload rules: a self-signed certificate (a root, or a peer's self-signed leaf) is always accepted; a CA
/// certificate signed by another CA only when its issuer is already in the store (the guide's order
/// root &gt; intermediate-1 &gt; ... &gt; intermediate-N); a non-CA leaf is accepted as a directly trusted peer
/// certificate; a duplicate upload changes nothing; a same-name certificate with a different serial replaces the
/// existing one only when its validity starts later (domain facts §3.2.12); in FIPS mode <see cref="FipsPolicy"/> applies.
/// </summary>
public sealed class TrustStore
{
    private TrustStore(string name, ImmutableSortedDictionary<string, TrustEntry> entries)
    {
        Name = name;
        EntriesByFileName = entries;
    }

    // Built on first use; the store is immutable, so a race only builds the same value twice.
    private IReadOnlyList<Certificate>? certificates;
    private HashSet<string>? fingerprints;

    public string Name { get; }

    /// <summary>Entries by file name, sorted (ordinal).</summary>
    public ImmutableSortedDictionary<string, TrustEntry> EntriesByFileName { get; }

    public IEnumerable<TrustEntry> Entries => EntriesByFileName.Values;

    /// <summary>The certificates in file-name order (built once per store: a store never changes).</summary>
    public IReadOnlyList<Certificate> Certificates => certificates ??= EntriesByFileName.Values.Select(e => e.Certificate).ToArray();

    /// <summary>Whether a certificate with this SHA-256 fingerprint (colon-separated hex) is in the store; a set look-up.</summary>
    public bool ContainsFingerprint(string sha256Fingerprint) =>
        (fingerprints ??= new HashSet<string>(Certificates.Select(c => c.Sha256Fingerprint), StringComparer.Ordinal)).Contains(sha256Fingerprint);

    public int Count => EntriesByFileName.Count;

    public static TrustStore Empty(string name) => new(name, ImmutableSortedDictionary.Create<string, TrustEntry>(StringComparer.Ordinal));

    /// <summary>A store read back from its entries as they were kept (file names included; the node's durable state).</summary>
    public static TrustStore Restore(string name, IEnumerable<TrustEntry> entries) =>
        new(name, entries.ToImmutableSortedDictionary(e => e.FileName, e => e, StringComparer.Ordinal));

    /// <summary>A store holding the given certificates, each accepted as-is (for tests and for loading saved stores).</summary>
    public static TrustStore Of(string name, IEnumerable<Certificate> certificates) =>
        new(name, certificates.Aggregate(ImmutableSortedDictionary.Create<string, TrustEntry>(StringComparer.Ordinal),
            (entries, c) => entries.SetItem(TrustEntry.FileNameFor(c), TrustEntry.For(c))));

    public bool Contains(Certificate certificate) =>
        EntriesByFileName.TryGetValue(TrustEntry.FileNameFor(certificate), out var entry) && entry.Certificate.Equals(certificate);

    public TrustStore Remove(string fileName) => new(Name, EntriesByFileName.Remove(fileName));

    public TrustStoreUpload Upload(Certificate certificate, bool fips = false)
    {
        var subject = certificate.SubjectCommonName;
        if (Contains(certificate))
        {
            return new TrustStoreUpload(this, TrustUploadOutcome.AlreadyPresent, $"Certificate '{subject}' is already in {Name}.");
        }
        if (fips && FipsPolicy.Evaluate(certificate) is { Count: > 0 } fipsReasons)
        {
            return Refused($"Upload of '{subject}' to {Name} refused in FIPS mode: {string.Join("; ", fipsReasons)}.");
        }
        if (certificate.IsCertificateAuthority && !certificate.IsSelfSigned && !HasIssuerOf(certificate))
        {
            var problem = EntriesByFileName.Values.Any(e => DistinguishedNames.AreEqual(e.Certificate.Bc.SubjectDN, certificate.Bc.IssuerDN))
                ? $"no certificate named '{certificate.Issuer}' in {Name} signs it"
                : $"its issuer '{certificate.Issuer}' is not in {Name}";
            return Refused($"Upload of '{subject}' to {Name} refused: {problem}. " +
                "Upload the CA chain in order: root > intermediate-1 > ... > intermediate-N.");
        }
        var sameName = EntriesByFileName.Values
            .Where(e => DistinguishedNames.AreEqual(e.Certificate.Bc.SubjectDN, certificate.Bc.SubjectDN)
                && e.Certificate.SerialNumberHex != certificate.SerialNumberHex)
            .ToArray();
        var entry = TrustEntry.For(certificate);
        if (sameName.Length > 0)
        {
            var latest = sameName.MaxBy(e => e.Certificate.NotBefore)!;
            if (certificate.NotBefore <= latest.Certificate.NotBefore)
            {
                return Refused($"Upload of '{subject}' to {Name} not done: {latest.FileName} has the same name and a validity " +
                    $"start ({PathChecks.Format(latest.Certificate.NotBefore)}) not earlier than the new certificate's " +
                    $"({PathChecks.Format(certificate.NotBefore)}).");
            }
            var entries = sameName.Aggregate(EntriesByFileName, (all, old) => all.Remove(old.FileName)).SetItem(entry.FileName, entry);
            return new TrustStoreUpload(new TrustStore(Name, entries), TrustUploadOutcome.Replaced,
                $"Certificate '{subject}' replaced {string.Join(", ", sameName.Select(e => e.FileName))} in {Name}.");
        }
        return new TrustStoreUpload(new TrustStore(Name, EntriesByFileName.SetItem(entry.FileName, entry)), TrustUploadOutcome.Added,
            $"Successfully imported certificate '{subject}' into {Name} as {entry.FileName}.");
    }

    public override string ToString() => $"{Name} ({Count} certificates)";

    private bool HasIssuerOf(Certificate certificate) =>
        EntriesByFileName.Values.Any(e => ChainValidator.CouldIssue(e.Certificate, certificate)
            && certificate.SignatureVerifiesWith(e.Certificate.PublicKey));

    private TrustStoreUpload Refused(string message) => new(this, TrustUploadOutcome.Refused, message);
}
