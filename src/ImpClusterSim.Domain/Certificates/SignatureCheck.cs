using ImpClusterSim.Pki;

namespace ImpClusterSim.Domain.Certificates;

/// <summary>
/// The root-first order of a chain file, by Pki's <see cref="Certificate.IsSignedBy"/> (issuer name and signature).
/// </summary>
internal static class SignatureCheck
{
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
                || !remaining.Any(other => !other.Equals(c) && c.IsSignedBy(other))) ?? remaining[0];
            ordered.Add(next);
            remaining.Remove(next);
        }
        return ordered;
    }
}
