using System.Collections.Concurrent;

namespace ImpClusterSim.Pki;

/// <summary>
/// The CSRs this library made, by the SHA-256 of their DER: a CSR made again with the same bytes (the same key, names
/// and hash: PKCS#10 carries no time, and the signature is deterministic) is the same <see cref="CertificateRequest"/>
/// object, with its signature already checked. Runs of a campaign regenerate the same CSRs over and over (every
/// CA-signed leaf upload). It changes how long a request takes, never its answer. Bounded: at <see cref="Capacity"/>
/// entries the table is emptied and fills again. Safe across threads (parallel runs share it).
/// </summary>
internal static class CertificateRequestInterner
{
    /// <summary>The most CSRs kept (about a kilobyte each).</summary>
    public const int Capacity = 4_096;

    private static readonly ConcurrentDictionary<Sha256Key, CertificateRequest> Table = new();

    /// <summary>The process's CSR with the bytes of <paramref name="made"/>: an earlier one, or <paramref name="made"/> itself.</summary>
    public static CertificateRequest Intern(CertificateRequest made)
    {
        if (Table.Count >= Capacity) Table.Clear();
        return Table.GetOrAdd(made.Digest, made);
    }
}
