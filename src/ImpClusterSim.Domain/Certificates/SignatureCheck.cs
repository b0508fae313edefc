using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// "Did this certificate sign that one" (Pki's <see cref="Certificate.IsSignedBy"/>: issuer name and signature), for
/// the guide's "specify which previously uploaded certificate signed it", and the root-first order of a chain file.
/// </summary>
internal static class SignatureCheck
{
    public static bool IsSignedBy(Certificate child, Certificate signer) => child.IsSignedBy(signer);

    /// <summary>
    /// The certificates root first: each certificate after the one in the set that signed it (file order otherwise),
    /// so a chain file in any order uploads as root &gt; intermediate-1 &gt; ... &gt; leaf.
    /// </summary>
    public static IReadOnlyList<Certificate> RootFirst(IReadOnlyList<Certificate> certificates)
    {
        var remaining = certificates.Distinct().ToList();
        var ordered = new List<Certificate>();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(c => c.IsSelfSigned
                || !remaining.Any(other => !other.Equals(c) && IsSignedBy(c, other))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }
}
