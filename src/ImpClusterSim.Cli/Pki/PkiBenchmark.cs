using System.Diagnostics;
using System.Globalization;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Cli.Pki;

/// <summary>
/// Measures what the PKI library costs a run: key generation with and without the key pool, chain validations
/// per second, and the certificates of a 100-node deployment cold vs pooled. Wall-clock timing is fine here:
/// this is the CLI, not the simulation.
/// </summary>
public static class PkiBenchmark
{
    private const int DeploymentNodes = 100;
    private const int ColdSampleNodes = 3;
    private static int runCounter;

    public static void Run(TextWriter output)
    {
        var run = Interlocked.Increment(ref runCounter);
        output.WriteLine("PKI benchmark (BouncyCastle.Cryptography 2.7.0)");
        output.WriteLine();
        Deployment(output, run);
        output.WriteLine();
        KeyGeneration(output, run);
        output.WriteLine();
        Validation(output);
    }

    private static void KeyGeneration(TextWriter output, int run)
    {
        output.WriteLine("Key generation, ms per key        generated   pool: parse slot   pool: cached");
        foreach (var (algorithm, count) in new[] { (KeyAlgorithm.EcP256, 50), (KeyAlgorithm.EcP384, 50), (KeyAlgorithm.Rsa1024, 5),
                     (KeyAlgorithm.Rsa2048, 4), (KeyAlgorithm.Rsa3072, 2), (KeyAlgorithm.Rsa4096, 1) })
        {
            var generated = PerItem(count, i => KeyGenerator.Generate(algorithm, $"bench/{run}/generate/{i}"));
            string parsed = "-", cached = "-";
            if (algorithm.IsRsa())
            {
                var slots = Math.Min(8, RsaKeyPoolFile.Size(algorithm));
                parsed = Ms(PerItem(slots, i => RsaKeyPoolFile.LoadSlot(algorithm, i)));
                var pool = new KeyPool(KeyPoolMode.Pooled);
                for (var i = 0; i < RsaKeyPoolFile.Size(algorithm) * 4; i++)
                {
                    pool.Get($"bench/warm/{i}", algorithm);
                }
                cached = Ms(PerItem(1000, i => pool.Get($"bench/{run}/cached/{i}", algorithm)));
            }
            output.WriteLine($"  {algorithm.DisplayName(),-10} {Ms(generated),20} {parsed,18} {cached,14}");
        }
    }

    private static void Validation(TextWriter output)
    {
        output.WriteLine("Chain validation (root > intermediate > leaf, host name checked)");
        foreach (var algorithm in new[] { KeyAlgorithm.Rsa2048, KeyAlgorithm.EcP256 })
        {
            var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var pool = KeyPool.Shared;
            var root = CertificateAuthority.CreateRoot("bench", $"Bench Root {algorithm}", pool.Get($"bench/root/{algorithm}", algorithm), start);
            var intermediate = root.CreateIntermediate($"Bench Intermediate {algorithm}", pool.Get($"bench/int/{algorithm}", algorithm), start);
            var leaf = intermediate.IssueLeaf("imp1.example.com", ["imp1.example.com"], pool.Get($"bench/leaf/{algorithm}", algorithm), start).Certificate;
            var options = new ValidationOptions(start.AddDays(10)) { HostName = "imp1.example.com", RequireServerAuth = true };
            if (!ChainValidator.Validate(leaf, [intermediate.Certificate], [root.Certificate], options).IsValid)
            {
                throw new InvalidOperationException("benchmark chain does not validate");
            }
            var count = 0;
            var watch = Stopwatch.StartNew();
            while (watch.ElapsedMilliseconds < 1000)
            {
                ChainValidator.Validate(leaf, [intermediate.Certificate], [root.Certificate], options);
                count++;
            }
            watch.Stop();
            output.WriteLine($"  {algorithm.DisplayName(),-10} {count / watch.Elapsed.TotalSeconds,10:F0} validations/s ({watch.Elapsed.TotalMilliseconds / count:F2} ms each)");
        }
    }

    private static void Deployment(TextWriter output, int run)
    {
        var installed = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        output.WriteLine($"Certificates of a {DeploymentNodes}-node IM&P deployment (4 units per node, RSA-2048)");

        var cold = new NodeCertificateFactory($"bench-cold-{run}", new KeyPool(KeyPoolMode.Exact));
        var coldWatch = Stopwatch.StartNew();
        Install(cold, ColdSampleNodes, installed);
        coldWatch.Stop();
        var coldPerNode = coldWatch.Elapsed.TotalSeconds / ColdSampleNodes;
        output.WriteLine($"  cold (a new key per certificate): {coldPerNode * DeploymentNodes,8:F1} s   " +
            $"(measured on {ColdSampleNodes} nodes: {coldWatch.Elapsed.TotalSeconds:F1} s, extrapolated)");

        foreach (var label in new[] { "pooled, first use in process", "pooled, repeated run        " })
        {
            var pooled = new NodeCertificateFactory("bench-deployment", new KeyPool(KeyPoolMode.Pooled));
            var watch = Stopwatch.StartNew();
            var certificates = Install(pooled, DeploymentNodes, installed);
            watch.Stop();
            var stats = pooled.KeyPool.Statistics;
            output.WriteLine($"  {label}: {watch.Elapsed.TotalSeconds,8:F2} s   ({certificates} certificates; keys: {stats.Generated} generated, " +
                $"{stats.FromPool} parsed from the pool, {stats.CacheHits} from the process cache)");
        }
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
        for (var i = 0; i < count; i++)
        {
            action(i);
        }
        return watch.Elapsed.TotalMilliseconds / count;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 1 ? "F4" : "F1", CultureInfo.InvariantCulture);
}
