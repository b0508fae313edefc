using System.Collections.Immutable;
using ImpClusterSim.Domain.Certificates;

namespace ImpClusterSim.Domain.Replication;

/// <summary>
/// The 9.0(1) rules of trust certificate deletion (<see cref="TrustDeletionScope.PerNode"/>; Cisco TAC document 211300):
/// a deletion stays on the node where it was made, and the node's Cisco Certificate Change Notification service copies
/// a certificate back while another node of the cluster still holds it.
/// </summary>
public static class TrustDeletion
{
    private static readonly Comparer<(string Store, string File)> Ordinal = Comparer<(string Store, string File)>.Create((a, b) =>
        string.CompareOrdinal(a.Store, b.Store) is var c and not 0 ? c : string.CompareOrdinal(a.File, b.File));

    /// <summary>
    /// The result of an accepted Delete on <paramref name="node"/>, with its removals turned into deletions on that node
    /// only (<see cref="TrustCertificateDeletedOnNode"/>), so that the cluster database does not delete it elsewhere.
    /// </summary>
    public static CertificateResult OnNodeOnly(CertificateResult result, string node) =>
        result with
        {
            Events = [.. result.Events.Select(e => e is TrustCertificateRemoved r
                ? new TrustCertificateDeletedOnNode(r.Store, r.FileName, node, r.ServicesToRestart)
                : e)],
        };

    /// <summary>
    /// What the Cisco Certificate Change Notification service of <paramref name="node"/> copies back, read from the
    /// cluster database (<paramref name="changes"/>, in order): each trust certificate the node deleted since it was last
    /// added, while some node of <paramref name="clusterNodes"/> has not deleted it. A certificate deleted on every node
    /// (or deleted cluster-wide) stays deleted. The node skips those it holds already.
    /// </summary>
    public static ImmutableArray<TrustCertificate> ToCopyBack(IEnumerable<TrustChange> changes, string node, IReadOnlyCollection<string> clusterNodes)
    {
        var held = new SortedDictionary<(string Store, string File), (TrustCertificate Entry, ImmutableSortedSet<string> DeletedOn)>(Ordinal);
        foreach (var change in changes.OrderBy(c => c.Sequence))
        {
            switch (change.Change)
            {
                case TrustCertificateAdded a:
                    held[(a.Store, a.Entry.FileName)] = (a.Entry, ImmutableSortedSet.Create<string>(StringComparer.Ordinal));
                    break;
                case TrustCertificateRemoved r:
                    held.Remove((r.Store, r.FileName));
                    break;
                case TrustCertificateDeletedOnNode d when held.TryGetValue((d.Store, d.FileName), out var h):
                    held[(d.Store, d.FileName)] = (h.Entry, h.DeletedOn.Add(d.Node));
                    break;
            }
        }
        return [.. held.Values
            .Where(h => h.DeletedOn.Contains(node) && clusterNodes.Any(n => !h.DeletedOn.Contains(n)))
            .Select(h => h.Entry)];
    }
}
