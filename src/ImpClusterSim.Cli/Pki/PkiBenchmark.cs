using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Cli.Bench;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// What the PKI library costs a run, measured on the wall clock (this is the CLI, not the simulation): the
/// certificates of a 100-node deployment from the key pool and what the pool saves over generating every key, key
/// generation and pool access per key, and chain validations per second. Targets: docs/pki.md and docs/bench.md.
/// </summary>
public static class PkiBenchmark
{
    private const int DeploymentNodes = 100;
    private const int ColdSampleNodes = 1;
    private static int runCounter;

    private static readonly FigureSpec DeploymentPooled = new("pki-deployment-pooled", $"certificates of a {DeploymentNodes}-node IM&P deployment (4 RSA-2048 units a node) from the key pool", "s",
        BenchTarget.AtMost(1, "docs/pki.md: 0.39 s on first use in a process, 0.12 s repeated"));

    private static readonly FigureSpec PoolSpeedup = new("pki-pool-speedup", "the same without the pool (a new key per certificate, extrapolated from one node) / with it", "x",
        BenchTarget.AtLeast(10, "docs/pki.md: the pool turns minutes of key generation into a fraction of a second"));

    private static readonly FigureSpec EcGeneration = new("keygen-ec-p256", "EC P-256 key generated", "ms/key",
        BenchTarget.AtMost(5, "docs/pki.md: EC keys are cheap enough to generate per id"));

    private static readonly FigureSpec RsaSlotParse = new("keypool-rsa-2048-parse", "RSA-2048 key parsed from a pool slot (first use)", "ms/key",
        BenchTarget.AtMost(5, "docs/pki.md: the first use of a slot costs ~1-2 ms to parse"));

    private static readonly FigureSpec RsaCached = new("keypool-rsa-2048-cached", "RSA-2048 key from the process cache", "ms/key",
        BenchTarget.AtMost(0.05, "docs/bench.md: a cached key is a dictionary look-up"));

    private static readonly FigureSpec RsaValidation = new("validation-rsa-2048", "chain validations, RSA-2048 root > intermediate > leaf, host name checked", "validations/s",
        BenchTarget.AtLeast(1000, "docs/pki.md: a validation costs a millisecond or less, so a run can validate every TLS connection"));

    private static readonly FigureSpec EcValidation = new("validation-ec-p256", "chain validations, EC P-256 root > intermediate > leaf, host name checked", "validations/s",
        BenchTarget.AtLeast(1000, "docs/pki.md: a validation costs a millisecond or less, so a run can validate every TLS connection"));

    /// <summary>The PKI's measurements, in the order they run.</summary>
    public static IReadOnlyList<BenchMeasurement> Measurements() =>
    [
        new("pki-deployment", "pki", "certificates of a 100-node deployment, with and without the key pool", Deployment),
        new("keygen", "pki", "key generation and key pool, per key", KeyGeneration),
        new("validation", "pki", "chain validations per second", Validation),
    ];

    private static IReadOnlyList<BenchSample> KeyGeneration()
    {
        var run = Interlocked.Increment(ref runCounter);
        var ec = PerItem(50, i => KeyGenerator.Generate(KeyAlgorithm.EcP256, $"bench/{run}/generate/{i}"));
        var algorithm = KeyAlgorithm.Rsa2048;
        var slots = Math.Min(8, RsaKeyPoolFile.Size(algorithm));
        var parsed = PerItem(slots, i => RsaKeyPoolFile.LoadSlot(algorithm, i));
        var pool = new KeyPool(KeyPoolMode.Pooled);
        for (var i = 0; i < RsaKeyPoolFile.Size(algorithm) * 4; i++) pool.Get($"bench/warm/{i}", algorithm);
        var cached = PerItem(1000, i => pool.Get($"bench/{run}/cached/{i}", algorithm));
        return [new(EcGeneration, ec), new(RsaSlotParse, parsed), new(RsaCached, cached)];
    }

    private static IReadOnlyList<BenchSample> Validation() =>
    [
        new(RsaValidation, ValidationsPerSecond(KeyAlgorithm.Rsa2048)),
        new(EcValidation, ValidationsPerSecond(KeyAlgorithm.EcP256)),
    ];

    private static double ValidationsPerSecond(KeyAlgorithm algorithm)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var pool = KeyPool.Shared;
        var root = CertificateAuthority.CreateRoot("bench", $"Bench Root {algorithm}", pool.Get($"bench/root/{algorithm}", algorithm), start);
        var intermediate = root.CreateIntermediate($"Bench Intermediate {algorithm}", pool.Get($"bench/int/{algorithm}", algorithm), start);
        var leaf = intermediate.IssueLeaf("imp1.example.com", ["imp1.example.com"], pool.Get($"bench/leaf/{algorithm}", algorithm), start).Certificate;
        var options = new ValidationOptions(start.AddDays(10)) { HostName = "imp1.example.com", RequireServerAuth = true };
        if (!ChainValidator.Validate(leaf, [intermediate.Certificate], [root.Certificate], options).IsValid)
            throw new InvalidOperationException("benchmark chain does not validate");
        var count = 0;
        var watch = Stopwatch.StartNew();
        while (watch.ElapsedMilliseconds < 500)
        {
            ChainValidator.Validate(leaf, [intermediate.Certificate], [root.Certificate], options);
            count++;
        }
        watch.Stop();
        return count / watch.Elapsed.TotalSeconds;
    }

    private static IReadOnlyList<BenchSample> Deployment()
    {
        var run = Interlocked.Increment(ref runCounter);
        var installed = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cold = new NodeCertificateFactory($"bench-cold-{run}", new KeyPool(KeyPoolMode.Exact));
        var coldWatch = Stopwatch.StartNew();
        Install(cold, ColdSampleNodes, installed);
        coldWatch.Stop();
        var coldDeployment = coldWatch.Elapsed.TotalSeconds / ColdSampleNodes * DeploymentNodes;

        var pooled = new NodeCertificateFactory("bench-deployment", new KeyPool(KeyPoolMode.Pooled));
        var watch = Stopwatch.StartNew();
        Install(pooled, DeploymentNodes, installed);
        watch.Stop();
        return [new(DeploymentPooled, watch.Elapsed.TotalSeconds), new(PoolSpeedup, coldDeployment / watch.Elapsed.TotalSeconds)];
    }

    private static int Install(NodeCertificateFactory factory, int nodes, DateTime installed)
    {
        var certificates = 0;
        for (var n = 1; n <= nodes; n++)
        {
            var node = new NodeIdentity(string.Create(CultureInfo.InvariantCulture, $"imp{n}.cluster{n % 10}.example.com"), ["example.com"]);
            certificates += factory.CreateInstallationSet(node, CertificateUnit.ImAndPresenceUnits, installed).Certificates.Count;
        }
        return certificates;
    }

    private static double PerItem(int count, Func<int, object> action)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) action(i);
        return watch.Elapsed.TotalMilliseconds / count;
    }
}
