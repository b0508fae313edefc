using System.Globalization;

namespace ImpClusterSim.Pki;

/// <summary>
/// Validates a presented chain (a leaf plus untrusted intermediates, in any order, extras allowed) against trusted
/// certificates at a given time. Builds candidate paths by name chaining (RFC 5280 comparison, with key identifiers
/// when both sides have them), depth first, backtracking over same-named issuers, and accepts the first path that
/// passes <see cref="PathChecks"/>. A leaf that is itself trusted is valid by direct trust.
/// The search is bounded by <see cref="ValidationOptions.SearchLimits"/> (depth, candidate paths, work) and prunes
/// every certificate proven not to lead to a trusted one, so no bundle can make a validation run long; when a limit
/// stops it without a valid path, the verdict is invalid with <see cref="ValidationFailureKind.SearchLimit"/>
/// ("no path within the search limit"). Pure: same inputs, same answer, on every machine.
/// </summary>
public static class ChainValidator
{
    public static ValidationResult Validate(Certificate leaf, IEnumerable<Certificate> untrusted, TrustStore trustStore,
        ValidationOptions options) => Validate(leaf, untrusted, trustStore.Certificates, options);

    public static ValidationResult Validate(Certificate leaf, IEnumerable<Certificate> untrusted, IEnumerable<Certificate> trusted,
        ValidationOptions options)
    {
        var anchors = trusted.Distinct().ToList();
        if (anchors.Contains(leaf))
        {
            var direct = PathChecks.Check([leaf], options);
            return new ValidationResult(direct.Count == 0, direct, [leaf]);
        }
        var pool = untrusted.Where(c => !c.Equals(leaf) && !anchors.Contains(c)).Distinct().ToList();
        var search = new Search(anchors, pool, options);
        search.Extend([leaf]);
        var statistics = new PathSearchStatistics(search.Failed.Count + (search.Valid is null ? 0 : 1), search.Work);
        if (search.Valid is { } path)
        {
            return new ValidationResult(true, [], path) { Search = statistics };
        }
        var limited = search.LimitReached || (search.DepthCut && search.Failed.Count == 0);
        var limit = limited ? new ValidationFailure(ValidationFailureKind.SearchLimit, search.LimitReason()) : null;
        if (search.Failed.Count > 0)
        {
            var best = search.Failed.OrderBy(f => f.SignatureFailures).ThenBy(f => f.Failures.Count).First();
            return new ValidationResult(false, limit is null ? best.Failures : [limit, .. best.Failures], best.Path) { Search = statistics };
        }
        if (limit is not null)
        {
            return new ValidationResult(false, [limit], search.DeepestDeadEnd ?? [leaf]) { Search = statistics };
        }
        var top = search.DeepestDeadEnd ?? [leaf];
        var last = top[^1];
        var reason = last.IsSelfIssued
            ? $"'{last.Subject}' is self-signed and not in the trust store"
            : $"no trusted certificate signs '{last.Subject}' (its issuer '{last.Issuer}' is not in the trust store)";
        return new ValidationResult(false, [new ValidationFailure(ValidationFailureKind.Untrusted, reason)], top) { Search = statistics };
    }

    /// <summary>True when <paramref name="parent"/> may have issued <paramref name="child"/>: names chain, key ids agree.</summary>
    internal static bool CouldIssue(Certificate parent, Certificate child)
    {
        if (!DistinguishedNames.AreEqual(child.Bc.IssuerDN, parent.Bc.SubjectDN))
        {
            return false;
        }
        var authorityKeyId = child.AuthorityKeyIdentifier;
        var subjectKeyId = parent.SubjectKeyIdentifier;
        return authorityKeyId is null || subjectKeyId is null || authorityKeyId.AsSpan().SequenceEqual(subjectKeyId);
    }

    private sealed class Search(List<Certificate> anchors, List<Certificate> pool, ValidationOptions options)
    {
        private readonly PathSearchLimits limits = options.SearchLimits;
        private readonly HashSet<Certificate> deadEnds = [];
        private int work;

        public IReadOnlyList<Certificate>? Valid { get; private set; }

        public List<(IReadOnlyList<Certificate> Path, IReadOnlyList<ValidationFailure> Failures, int SignatureFailures)> Failed { get; } = [];

        public IReadOnlyList<Certificate>? DeepestDeadEnd { get; private set; }

        public bool LimitReached { get; private set; }

        /// <summary>Some partial path was not extended because of the depth limit.</summary>
        public bool DepthCut { get; private set; }

        public int Work => Math.Min(work, limits.MaxWork);

        private bool Stopped => Valid is not null || LimitReached;

        public string LimitReason() => string.Create(CultureInfo.InvariantCulture,
            $"no path within the search limit ({Failed.Count} candidate paths checked of at most {limits.MaxCandidatePaths}, depth at most {limits.MaxDepth} certificates, {Work} issuer comparisons of at most {limits.MaxWork})");

        /// <summary>Extends a partial path (leaf first). Returns true when some completion reached a trusted certificate
        /// or when the search below was cut (by the path itself, the depth or a limit), so the last certificate is not
        /// proven a dead end.</summary>
        public bool Extend(List<Certificate> path)
        {
            var current = path[^1];
            var reachedOrCut = false;
            var found = false;
            foreach (var anchor in anchors)
            {
                if (!Compare(anchor, current))
                {
                    continue;
                }
                found = reachedOrCut = true;
                List<Certificate> complete = [.. path, anchor];
                var reasons = PathChecks.Check(complete, options);
                if (reasons.Count == 0)
                {
                    Valid = complete;
                    return true;
                }
                Failed.Add((complete, reasons, reasons.Count(r => r.Kind == ValidationFailureKind.Signature)));
                if (Failed.Count >= limits.MaxCandidatePaths)
                {
                    LimitReached = true;
                }
                if (Stopped)
                {
                    return true;
                }
            }
            foreach (var issuer in pool)
            {
                if (Stopped)
                {
                    return true;
                }
                if (deadEnds.Contains(issuer) || !Compare(issuer, current))
                {
                    continue;
                }
                found = true;
                if (path.Contains(issuer))
                {
                    continue; // a loop (a self-signed CA, or cross-certification back down): whatever it reaches, the earlier place explores
                }
                if (path.Count + 1 >= limits.MaxDepth)
                {
                    reachedOrCut = DepthCut = true; // the depth cut this branch: the issuer is not proven a dead end
                    continue;
                }
                if (Extend([.. path, issuer]))
                {
                    reachedOrCut = true;
                }
                else
                {
                    deadEnds.Add(issuer);
                }
            }
            if (!found && (DeepestDeadEnd is null || path.Count > DeepestDeadEnd.Count))
            {
                DeepestDeadEnd = path.ToArray();
            }
            return reachedOrCut || Stopped;
        }

        private bool Compare(Certificate parent, Certificate child)
        {
            if (++work > limits.MaxWork)
            {
                LimitReached = true;
                return false;
            }
            return CouldIssue(parent, child);
        }
    }
}
