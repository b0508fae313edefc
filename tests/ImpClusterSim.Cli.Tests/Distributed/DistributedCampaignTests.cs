using System.Collections.Immutable;
using ImpClusterSim.Cli.Tests.Live;
using ImpClusterSim.Cli.Tests.Run;
using ImpClusterSim.Live.Coordinator;
using ImpClusterSim.Live.Distributed;
using ImpClusterSim.Scenarios.Distributed;
using ImpClusterSim.Scenarios.Outcome;
using ImpClusterSim.Scenarios.Studies;

namespace ImpClusterSim.Cli.Tests.Distributed;

/// <summary>
/// Campaigns across worker processes on loopback (docs/distributed.md): the same answer as a local run, also when a
/// worker is killed (kill -9) mid-campaign; a worker whose scenario differs is refused; --max-failures stops early.
/// </summary>
[Collection("live processes")]
public sealed class DistributedCampaignTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly string _dir = LiveTestSupport.NewDirectory("distributed");

    public void Dispose()
    {
        LiveTestSupport.DeleteQuietly(_dir);
    }

    [Fact]
    public void Three_local_workers_give_the_same_summary_trace_hashes_and_failing_seeds_as_a_local_run()
    {
        var scenario = DistributedTestSupport.WriteScenario(_dir);
        var (localExit, local, _) = CliHarness.Invoke("campaign", scenario, "--seeds", "8", "--jobs", "2", "--json");
        var (exit, distributed, err) = CliHarness.Invoke("campaign", scenario, "--seeds", "8", "--local-workers", "3", "--json");

        Assert.True(exit == localExit, err);
        Assert.Equal(local, distributed);
        // The comparison can fail: the seeds differ in outcome and every seed's trace hash is listed.
        Assert.Contains("\"failedSeeds\": [\n        ", distributed.Replace("\r", ""));
        Assert.Contains("\"traceHashes\": {", distributed);
        // Three workers were started; eight two-hour seeds can all be played before the last of them has joined (they
        // are quick since node systems are reused between runs), so at least one joined, and no more than three. Three
        // joined workers sharing a campaign are A_worker_killed_mid_campaign's subject.
        Assert.InRange(err.Split('\n').Count(l => l.Contains(" joined (--jobs 1)", StringComparison.Ordinal)), 1, 3);
        Assert.Empty(DistributedTestSupport.OurWorkers());
    }

    [Fact]
    public async Task A_worker_killed_mid_campaign_loses_its_leases_to_the_others_and_the_summary_is_unchanged()
    {
        // Seeds of three days, so that the seeds left when the worker dies take the others far longer than the
        // coordinator takes to notice the loss (a 2-hour seed is so quick that they could finish first, and the killed
        // worker might hold no lease at that instant): the loss is always seen and its leases re-leased. The worker is
        // killed once all three have joined: a worker still starting when the others have played two seeds (seeds got
        // faster when node systems began to be reused between runs) is not one the coordinator can lose.
        var scenario = DistributedTestSupport.WriteScenario(_dir, until: "72h");
        const int seeds = 24;
        var source = ScenarioSource.Read(scenario)!;
        var job = WorkPlans.Sweep(source, [], 1, seeds, 1);
        var plan = WorkPlans.Load(job);
        var done = 0;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var session = WorkSession.Start(new SessionSettings(ClusterPlayBuild(), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60), log.Enqueue),
            new HostPort("127.0.0.1", 0), ResultCodecs.All,
            new LocalWorkerOptions(NodeLaunch.For(typeof(ImpsimCommand).Assembly.Location), 3, 1));
        WorkOutcome outcome;
        try
        {
            var play = Task.Run(() => session.Play(new JobSettings(job, plan.ScenarioHash, null, WorkPlans.IsFailure, p => Volatile.Write(ref done, p.Done))));
            await DistributedTestSupport.WaitFor(
                () => (Volatile.Read(ref done) >= 2 && log.Count(l => l.Contains(" joined (--jobs 1)", StringComparison.Ordinal)) == 3) || play.IsCompleted,
                "three workers joined and two seeds played", Bound);
            Assert.False(play.IsCompleted, "the campaign ended before a worker could be killed");
            session.Local!.Processes[0].Kill();
            outcome = await play.WaitAsync(Bound);
        }
        finally
        {
            session.Dispose();
        }

        Assert.Equal(WorkEnd.Complete, outcome.End);
        Assert.Contains(log, l => l.Contains(" lost (", StringComparison.Ordinal) && l.Contains("go back to the pool", StringComparison.Ordinal));
        var results = outcome.Results.Cast<ScenarioOutcome>().ToList();
        var (points, _) = SweepRunner.Prepare(source.Parse().Scenario!, []);
        var localResults = Enumerable.Range(0, seeds).Select(i => SweepRunner.PlayItem(points, 1, seeds, i)).ToList();
        Assert.Equal(localResults.Select(o => o.TraceHash), results.Select(o => o.TraceHash));
        var scenarioRead = points[0].Scenario;
        Assert.Equal(
            SweepJson.Write(SweepRunner.Summarise(scenarioRead, [], points, 1, seeds, [.. localResults])),
            SweepJson.Write(SweepRunner.Summarise(scenarioRead, [], points, 1, seeds, [.. results])));
        Assert.Empty(DistributedTestSupport.OurWorkers());
    }

    [Fact]
    public async Task A_worker_that_reads_a_different_scenario_is_refused_with_the_reason()
    {
        var scenario = DistributedTestSupport.WriteScenario(_dir);
        var port = LiveTestSupport.FreePortRange(1);
        var coordinator = Task.Run(() => CliHarness.Invoke("campaign", scenario, "--seeds", "2", "--cluster", "--bind", $"127.0.0.1:{port}", "--worker-wait", "15s"));
        await DistributedTestSupport.WaitFor(() => DistributedTestSupport.Listening(port) || coordinator.IsCompleted, "the coordinator listening", Bound);
        // The coordinator has read the scenario and its topology; the worker's copy of the topology file now differs.
        File.AppendAllText(Path.Combine(_dir, "topo.yaml"), "\n# edited on the worker's machine\n");
        using var worker = new LiveNodeProcess("worker", 0, NodeLaunch.For(typeof(ImpsimCommand).Assembly.Location), ["worker", "--join", $"127.0.0.1:{port}", "--jobs", "1"]);
        worker.Start();
        Assert.True(worker.WaitOrKill(Bound), "the refused worker did not exit\n" + worker.Tail);
        var (exit, stdout, err) = await coordinator.WaitAsync(Bound);

        Assert.Equal(2, worker.ExitCode);
        Assert.Contains("refused by the coordinator: the worker loaded the job with scenario hash", worker.Output);
        Assert.Contains("the scenario (or a file it names) differs on the worker's machine", worker.Output);
        Assert.Equal(2, exit);
        Assert.Contains("impsim: no worker joined within 15 s; refused: 127.0.0.1:", err);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void The_coordinator_stops_after_max_failures()
    {
        var scenario = DistributedTestSupport.WriteScenario(_dir, within: "20s");
        var (exit, stdout, err) = CliHarness.Invoke("campaign", scenario, "--seeds", "40", "--local-workers", "1", "--max-failures", "2");

        Assert.True(exit == 1, err);
        Assert.Contains("stopped after 2 failing seed(s) (--max-failures 2)", stdout);
        var played = int.Parse(System.Text.RegularExpressions.Regex.Match(stdout, @"--max-failures 2\): (\d+) of 40 runs played").Groups[1].Value);
        Assert.InRange(played, 2, 39);
        Assert.Empty(DistributedTestSupport.OurWorkers());
    }

    private static string ClusterPlayBuild() => BuildIdentity.Of(typeof(ImpsimCommand).Assembly);
}
