namespace ImpClusterSim.Pki.Tests;

/// <summary>
/// The bounded path search (issue 10, class 6): a bundle of cross-certified CAs makes the number of paths exponential;
/// the search prunes CAs proven not to lead to a trusted certificate and stops at its limits with "no path within the
/// search limit". Work is counted (issuer comparisons), never timed.
/// </summary>
public sealed class PathSearchTests
{
    private const int Layers = 8;
    private const int KeysPerLayer = 3;

    /// <summary>
    /// Eight layers of three CA keys; every key of a layer is certified by every key of the layer above (nine
    /// certificates per layer, three self-signed at the top), and a leaf under the bottom layer: 3^8 paths upwards.
    /// </summary>
    private static (Certificate Leaf, IReadOnlyList<Certificate> Bundle, CertificateAuthority[] Top) CrossCertifiedBundle(string name)
    {
        var from = TestPki.Now.AddYears(-1);
        var bundle = new List<Certificate>();
        var above = Enumerable.Range(0, KeysPerLayer)
            .Select(k => CertificateAuthority.CreateRoot("cross", $"{name} L{Layers} K{k}", TestPki.Key($"{name}/{Layers}/{k}"), from))
            .ToArray();
        var top = above;
        bundle.AddRange(above.Select(ca => ca.Certificate));
        for (var layer = Layers - 1; layer >= 1; layer--)
        {
            var current = new CertificateAuthority[KeysPerLayer];
            for (var k = 0; k < KeysPerLayer; k++)
            {
                var key = TestPki.Key($"{name}/{layer}/{k}");
                foreach (var parent in above)
                {
                    var ca = parent.CreateIntermediate($"{name} L{layer} K{k}", key, from);
                    bundle.Add(ca.Certificate);
                    current[k] ??= ca;
                }
            }
            above = current;
        }
        var leaf = above[0].IssueLeaf($"leaf.{name}.example.com", [$"leaf.{name}.example.com"], TestPki.Key($"{name}/leaf"), from).Certificate;
        return (leaf, bundle, top);
    }

    [Fact]
    public void A_cross_certified_bundle_under_an_unrelated_anchor_is_refused_after_linear_work()
    {
        var (leaf, bundle, _) = CrossCertifiedBundle("cross-a");
        var unrelated = TestPki.Root("Unrelated Root");
        Assert.Equal(66, bundle.Count);

        var result = ChainValidator.Validate(leaf, bundle, [unrelated.Certificate], new ValidationOptions(TestPki.Now));

        Assert.False(result.IsValid);
        Assert.Equal(ValidationFailureKind.Untrusted, Assert.Single(result.Failures).Kind);
        // Each CA is explored once (pruned afterwards): a few comparisons per certificate and pool member, not 3^8 paths.
        Assert.InRange(result.Search.Comparisons, 1, (bundle.Count + 1) * (bundle.Count + 2));
    }

    [Fact]
    public void The_same_bundle_under_one_of_its_top_keys_validates()
    {
        var (leaf, bundle, top) = CrossCertifiedBundle("cross-b");

        var result = ChainValidator.Validate(leaf, bundle.Where(c => !c.Equals(top[1].Certificate)), [top[1].Certificate], new ValidationOptions(TestPki.Now));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(Layers + 1, result.Path.Count);
    }

    [Fact]
    public void When_every_path_fails_the_search_stops_at_the_candidate_limit_and_says_so()
    {
        var (leaf, bundle, top) = CrossCertifiedBundle("cross-c");
        // Every path reaches a trusted key but is checked for a host name the leaf does not carry: all fail.
        var options = new ValidationOptions(TestPki.Now) { HostName = "other.example.com", SearchLimits = new PathSearchLimits(10, 16, 20_000) };

        var result = ChainValidator.Validate(leaf, bundle.Except(top.Select(t => t.Certificate)), top.Select(t => t.Certificate), options);

        Assert.False(result.IsValid);
        Assert.Equal(ValidationFailureKind.SearchLimit, result.Failures[0].Kind);
        Assert.StartsWith("no path within the search limit (16 candidate paths checked of at most 16", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(ValidationFailureKind.NameMismatch, result.Failures[1].Kind);
        Assert.Equal(16, result.Search.CandidatePaths);
    }

    [Fact]
    public void A_path_deeper_than_the_depth_limit_is_not_found_and_the_limit_is_named()
    {
        var (leaf, bundle, top) = CrossCertifiedBundle("cross-d");
        var options = new ValidationOptions(TestPki.Now) { SearchLimits = new PathSearchLimits(5, 64, 20_000) };

        var result = ChainValidator.Validate(leaf, bundle, [top[0].Certificate], options);

        Assert.False(result.IsValid);
        Assert.Equal(ValidationFailureKind.SearchLimit, Assert.Single(result.Failures).Kind);
        Assert.Contains("depth at most 5 certificates", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_work_limit_bounds_a_search_that_cannot_prune()
    {
        var (leaf, bundle, top) = CrossCertifiedBundle("cross-e");
        var options = new ValidationOptions(TestPki.Now) { HostName = "other.example.com", SearchLimits = new PathSearchLimits(10, 10_000, 500) };

        var result = ChainValidator.Validate(leaf, bundle.Except(top.Select(t => t.Certificate)), top.Select(t => t.Certificate), options);

        Assert.Equal(ValidationFailureKind.SearchLimit, result.Failures[0].Kind);
        Assert.Equal(500, result.Search.Comparisons);
    }
}
