using System.Collections.Concurrent;

namespace ImpClusterSim.Pki;

/// <summary>
/// The process's certificates by the SHA-256 of their DER: a certificate made or read again with the same bytes is the
/// same <see cref="Certificate"/> object, with what it already parsed and verified (its public key, extensions, its last
/// signature check). A run's deployment is installed with the same certificates in every run of a process
/// (docs/pki.md, "Determinism"), so a campaign parses and checks them once. It changes how long a request takes, never
/// its answer: a certificate is a pure function of its bytes. Bounded: at <see cref="Capacity"/> entries the table is
/// emptied and fills again. Safe across threads (parallel runs share it).
/// </summary>
internal static class CertificateInterner
{
    /// <summary>The most certificates kept (a few kilobytes each).</summary>
    public const int Capacity = 20_000;

    private static readonly ConcurrentDictionary<Sha256Key, Certificate> Table = new();

    /// <summary>The certificate with these DER bytes if the process has one.</summary>
    public static Certificate? Find(ReadOnlySpan<byte> der) => Table.TryGetValue(Sha256Key.Of(der), out var known) ? known : null;

    /// <summary>
    /// The process's certificate with the bytes of <paramref name="made"/>: an earlier one made by this library, or
    /// <paramref name="made"/> itself (which then replaces one read from outside, so the key is not tested for primality again).
    /// </summary>
    public static Certificate Intern(Certificate made)
    {
        if (Table.Count >= Capacity) Table.Clear();
        return Table.AddOrUpdate(made.Digest, made, (_, known) => known.MadeHere || !made.MadeHere ? known : made);
    }
}
