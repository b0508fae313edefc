using ImpClusterSim.Node.Ports;
using ImpClusterSim.Scenarios.Chaos;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Scenarios.Runner;

namespace ImpClusterSim.Scenarios.Tests.Chaos;

/// <summary>
/// A deliberately broken storage rule, planted through the durable-store port every node writes through (the seam the
/// product uses for its disk): a driver that acknowledges writes but keeps them in memory, flushing to the disk only
/// every 50th write. A crash then loses acknowledged changes. Chaos must find it, shrink it, and the shrunk file must
/// replay it.
/// </summary>
public sealed class PlantedBugTests(PlantedBugTests.Found found) : IClassFixture<PlantedBugTests.Found>
{
    /// <summary>The bug must be found within this many seeds.</summary>
    public const int SeedsToFind = 30;

    /// <summary>
    /// The base: two peered clusters of the lab deployment, CAs uploaded into tomcat-trust on every node of imp-a at 30m,
    /// a 3-hour horizon (faults until 2h03m, then the quiet period).
    /// </summary>
    public const string BaseYaml = """
        name: planted-bug-base
        until: 3h
        deployment:
          topology: lab
        cas:
          - { name: corp-root, subject: Example Corp Root CA }
        steps:
          - { at: 10m, publisher-of: imp-a, add-peer: { peer: imp-b, protocol: TLS } }
          - { publisher-of: imp-b, add-peer: { peer: imp-a, protocol: TLS } }
          - { at: 30m, cluster: imp-a, upload-trust: { store: tomcat-trust, ca: corp-root } }
        """;

    /// <summary>The generator's profile of the test: the kinds that touch nodes and links (<c>--faults crash,partition,service-kill,disk-failure --intensity 3</c>).</summary>
    public static readonly ChaosProfile Profile = new()
    {
        Kinds = [ChaosFaultKinds.Partition, ChaosFaultKinds.Crash, ChaosFaultKinds.ServiceKill, ChaosFaultKinds.DiskFailure],
        Intensity = 3,
    };

    [Fact]
    public void Chaos_finds_the_lost_acknowledged_write_within_the_stated_seeds_and_shrinks_it_to_at_most_two_faults()
    {
        Assert.True(found.Failing is not null, $"no seed of 1..{SeedsToFind} lost an acknowledged change");
        Assert.True(found.Shrunk.Minimal.Length <= 2, string.Join("\n", found.Shrunk.Minimal.Select(f => f.ToYaml())));
        Assert.True(found.Shrunk.Minimal.Length < found.Failing!.Faults.Length);
        Assert.Equal(ChaosScenarioText.AcknowledgedName, found.Shrunk.Signature.Check);
        Assert.Contains(found.Shrunk.Minimal, f => f.Kind == "crash");
        Assert.Contains($"from seed {found.Failing.Seed}: {found.Shrunk.Minimal.Length} fault(s) of the original {found.Failing.Faults.Length}",
            found.Shrunk.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shrunk_scenario_file_replays_the_failure_with_the_bug_and_passes_without_it()
    {
        var (scenario, errors) = ScenarioLoader.Parse(found.Shrunk.Yaml, "chaos-seed.yaml");
        Assert.True(scenario is not null, string.Join("\n", errors));
        Assert.Equal(found.Failing!.Seed, scenario!.Seed);

        var withBug = ScenarioRunner.Run(scenario, new ScenarioRunOptions { DiskPort = Found.Planted });
        Assert.Equal(found.Shrunk.Signature, FailureSignature.Of(withBug, scenario.Deployment.Topology));

        var healthy = ScenarioRunner.Run(scenario, new ScenarioRunOptions());
        Assert.True(healthy.Passed, string.Join("\n", healthy.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
    }

    /// <summary>Plays seeds 1.. until one fails by losing an acknowledged change, then shrinks it (once for both tests).</summary>
    public sealed class Found
    {
        public static readonly Func<string, IDurableStore, IDurableStore> Planted = (_, disk) => new LazyFlushDisk(disk);

        public Found()
        {
            var basis = new ChaosBase(BaseYaml, "planted-bug-base.yaml", null, ScenarioLoader.Parse(BaseYaml, "planted-bug-base.yaml").Scenario!);
            var options = new ChaosOptions { DiskPort = Planted, ShrinkBudget = 60, Profile = Profile };
            for (var seed = 1UL; seed <= SeedsToFind && Failing is null; seed++)
            {
                var verdict = ChaosRun.Play(basis, seed, ChaosExperiment.Schedule(basis, options.Profile, seed).Faults, Planted);
                if (verdict.Signature?.Check == ChaosScenarioText.AcknowledgedName) Failing = verdict;
            }

            if (Failing is not null) Shrunk = ChaosExperiment.Shrink(basis, Failing, options);
        }

        public ChaosVerdict? Failing { get; }

        public ShrunkFailure Shrunk { get; } = null!;
    }

    /// <summary>The planted bug: writes are acknowledged from memory and reach the disk only every 50th time (or when the key is new).</summary>
    private sealed class LazyFlushDisk(IDurableStore disk) : IDurableStore
    {
        private readonly Dictionary<string, object> _unflushed = new(StringComparer.Ordinal);
        private int _writes;

        public bool TryGet<T>(string key, out T value) where T : notnull
        {
            if (_unflushed.TryGetValue(key, out var v) && v is T t)
            {
                value = t;
                return true;
            }
            return disk.TryGet(key, out value);
        }

        public void Put<T>(string key, T value) where T : notnull
        {
            if (++_writes % 50 == 0 || !disk.TryGet<object>(key, out _))
            {
                disk.Put(key, value);
                _unflushed.Remove(key);
            }
            else _unflushed[key] = value;
        }

        public bool Delete(string key)
        {
            _unflushed.Remove(key);
            return disk.Delete(key);
        }

        public IReadOnlyList<string> Keys(string prefix) => disk.Keys(prefix).Concat(_unflushed.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
