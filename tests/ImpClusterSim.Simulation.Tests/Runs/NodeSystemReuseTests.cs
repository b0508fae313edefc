using Akka.Actor;
using ImpClusterSim.Node;
using ImpClusterSim.Simulation.Nodes;

namespace ImpClusterSim.Simulation.Tests.Runs;

/// <summary>
/// A node's ActorSystem is handed to the next run of the process (<see cref="NodeSystemPool"/>): the next run must play
/// exactly as with new systems. The node names here are used by no other test, so the pool's systems of these names are
/// this class's alone.
/// </summary>
public sealed class NodeSystemReuseTests
{
    private static readonly SkeletonDeployment.Cluster[] Clusters =
    [
        new("reuse1", ["reuse1-pub", "reuse1-sub1", "reuse1-sub2"], true),
        new("reuse2", ["reuse2-pub", "reuse2-sub1"], true),
    ];

    /// <summary>Plays two hours with a crash and a restart of a publisher; returns the trace and every system the nodes had.</summary>
    private static (byte[] Trace, HashSet<ActorSystem> Systems, List<ActorSystem> AtStart) Play(ulong seed)
    {
        using var trace = new MemoryStream();
        var systems = new HashSet<ActorSystem>(ReferenceEqualityComparer.Instance);
        List<ActorSystem> atStart;
        using (var run = RunFixture.Skeleton(Clusters, seed, trace))
        {
            atStart = [.. run.Nodes.Select(n => n.System!)];
            run.RunFor(TimeSpan.FromMinutes(50));
            systems.UnionWith(run.Nodes.Select(n => n.System!));
            run["reuse1-pub"].Crash();
            run.RunFor(TimeSpan.FromMinutes(20));
            run["reuse1-pub"].Start();
            run.RunFor(TimeSpan.FromMinutes(50));
            systems.UnionWith(run.Nodes.Select(n => n.System!));
        }
        return (trace.ToArray(), systems, atStart);
    }

    private static IEnumerable<IActorRef> UserActors(ActorSystem system) =>
        ((ActorRefWithCell)((ExtendedActorSystem)system).Guardian).Children;

    [Fact]
    public void The_next_run_gets_the_systems_of_the_last_and_plays_byte_for_byte_as_with_new_ones()
    {
        var first = Play(11);
        Assert.Equal(6, first.Systems.Count); // five nodes, and a second system for the crashed publisher's restart
        Assert.True(first.Trace.Length > 1000);
        // Between runs: every system is clean and parked.
        Assert.All(first.Systems, s => Assert.Empty(UserActors(s)));

        var second = Play(11);
        Assert.All(second.AtStart, s => Assert.Contains(s, first.Systems));
        Assert.Equal(first.Trace, second.Trace);

        // A different seed on the same reused systems plays differently (the comparison above could not pass vacuously).
        var other = Play(12);
        Assert.NotEqual(first.Trace, other.Trace);
    }

    [Fact]
    public void The_operator_seat_gives_its_system_back_clean_when_the_run_ends()
    {
        ActorSystem seat;
        using (var run = RunFixture.Skeleton(Clusters, 5))
        {
            run.RunFor(TimeSpan.FromMinutes(1));
            seat = run.Operator.System;
            // A reply callback lives in the seat's system until the run ends.
            Assert.True(run.Operator.Send("reuse2-pub", _ => "hello", _ => { }));
            Assert.Contains(UserActors(seat), a => a.Path.Name == "reply-1");
        }

        // Stopped with the run, so that the next run's operator can take the system from the pool.
        Assert.Empty(UserActors(seat));
        Assert.False(seat.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void A_system_that_is_reached_while_idle_is_not_used_again()
    {
        ActorSystem idle;
        using (var run = new SimulationRun(new RunOptions
        {
            Seed = 3,
            ClusterOfNode = new Dictionary<string, string> { ["reuse-taint-pub"] = "reuse-taint" },
        }))
        {
            run.AddNode("reuse-taint-pub", "reuse-taint", _ => Array.Empty<ServiceSpec>());
            run.StartAll();
            run.RunFor(TimeSpan.FromMinutes(1));
            idle = run["reuse-taint-pub"].System!;
        }

        // Idle in the pool: a timer armed now belongs to no run. It is not armed, and the system is set aside.
        idle.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), ActorRefs.Nobody, "late", ActorRefs.NoSender);
        using var next = new SimulationRun(new RunOptions
        {
            Seed = 3,
            ClusterOfNode = new Dictionary<string, string> { ["reuse-taint-pub"] = "reuse-taint" },
        });
        next.AddNode("reuse-taint-pub", "reuse-taint", _ => Array.Empty<ServiceSpec>());
        next.StartAll();
        Assert.NotSame(idle, next["reuse-taint-pub"].System);
    }

    [Fact]
    public void The_pool_keeps_at_most_its_bound_of_idle_systems_per_name()
    {
        const string name = "reuse-bound-pub";
        var clusters = new Dictionary<string, string> { [name] = "reuse-bound" };
        using (var run = new SimulationRun(new RunOptions { Seed = 5, ClusterOfNode = clusters }))
        {
            run.AddNode(name, "reuse-bound", _ => Array.Empty<ServiceSpec>());
            run.StartAll();
            for (var i = 0; i < NodeSystemPool.MaxPerName + 4; i++)
            {
                run.RunFor(TimeSpan.FromMinutes(1));
                run[name].Restart();
            }
            Assert.Equal(0, NodeSystemPool.IdleCount(name)); // handed back only when the run ends
        }

        Assert.Equal(NodeSystemPool.MaxPerName, NodeSystemPool.IdleCount(name));
        using (var next = new SimulationRun(new RunOptions { Seed = 5, ClusterOfNode = clusters }))
        {
            next.AddNode(name, "reuse-bound", _ => Array.Empty<ServiceSpec>());
            next.StartAll();
            Assert.Equal(NodeSystemPool.MaxPerName - 1, NodeSystemPool.IdleCount(name));
        }
    }
}
