using ImpClusterSim.Node.Skeleton;
using ImpClusterSim.Simulation.Nodes;

namespace ImpClusterSim.Simulation.Tests.Runs;

public sealed class NodeLifecycleTests
{
    [Fact]
    public void Each_node_is_an_actor_system_named_after_it()
    {
        using var run = RunFixture.Skeleton(12, 1);
        Assert.All(run.Nodes, n => Assert.Equal(n.Name, n.System!.Name));
        Assert.Equal(12, run.Nodes.Select(n => n.System).Distinct().Count());
    }

    [Fact]
    public void A_crash_loses_volatile_state_and_keeps_the_disk()
    {
        using var run = RunFixture.Skeleton(12, 3);
        run.RunFor(TimeSpan.FromHours(2));
        var publisher = run["c01-pub"];
        Assert.True(publisher.Disk.TryGet<PeerSyncLedger>(InterclusterSyncSkeleton.LedgerKey, out var before));
        var syncsBefore = before.SuccessfulSyncs["c02-pub"];
        Assert.True(syncsBefore >= 4);
        var systemBefore = publisher.System;
        var userGuardian = (Akka.Actor.ActorRefWithCell)((Akka.Actor.ExtendedActorSystem)systemBefore!).Guardian;
        var actorsBefore = userGuardian.Children.ToList();
        Assert.NotEmpty(actorsBefore);

        publisher.Crash();
        Assert.Equal(NodeStatus.Down, publisher.Status);
        Assert.Null(publisher.System);
        run.RunFor(TimeSpan.FromHours(1));
        // The crashed incarnation's actors are gone, not merely forgotten: every one of them terminated (the system
        // itself waits for the end of the run to go back to NodeSystemPool).
#pragma warning disable CS0618 // Akka's own flag is what is asserted: a watch would need the dead actors' system pumped
        Assert.All(actorsBefore, a => Assert.True(((Akka.Actor.IInternalActorRef)a).IsTerminated));
#pragma warning restore CS0618
        Assert.Empty(userGuardian.Children);
        // Down for an hour: nothing more was written.
        Assert.True(publisher.Disk.TryGet<PeerSyncLedger>(InterclusterSyncSkeleton.LedgerKey, out var whileDown));
        Assert.Equal(syncsBefore, whileDown.SuccessfulSyncs["c02-pub"]);

        publisher.Start();
        run.RunFor(TimeSpan.FromMinutes(1));
        Assert.NotSame(systemBefore, publisher.System);
        Assert.True(publisher.Disk.TryGet<PeerSyncLedger>(InterclusterSyncSkeleton.LedgerKey, out var after));
        // The restarted agent synced at once and counted on top of what the disk kept.
        Assert.Equal(syncsBefore + 1, after.SuccessfulSyncs["c02-pub"]);
    }

    [Fact]
    public void Messages_to_a_crashed_node_are_dropped_as_node_down()
    {
        using var run = RunFixture.Skeleton(6, 5);
        run.RunFor(TimeSpan.FromMinutes(5));
        run["c01-sub1"].Crash();
        var before = run.Network.Stats;
        run.RunFor(TimeSpan.FromMinutes(10));
        Assert.True(run.Network.Stats.DroppedNodeDown > before.DroppedNodeDown);
    }

    [Fact]
    public void A_skewed_clock_is_seen_by_that_node_only()
    {
        using var run = RunFixture.Skeleton(6, 1);
        run.RunFor(TimeSpan.FromMinutes(1));
        run.SetSkew("c01-sub2", TimeSpan.FromDays(-400));
        Assert.Equal(run.Now - TimeSpan.FromDays(400), run["c01-sub2"].Context!.Clock.Now);
        Assert.Equal(run.Now, run["c01-sub1"].Context!.Clock.Now);
        Assert.Equal(run.Now, run["c01-pub"].Context!.Clock.Now);
    }

    [Fact]
    public void A_graceful_stop_takes_the_node_off_the_network_and_a_start_brings_it_back()
    {
        using var run = RunFixture.Skeleton(6, 2);
        run.RunFor(TimeSpan.FromMinutes(2));
        var node = run["c01-sub3"];
        node.Stop();
        run.RunFor(TimeSpan.FromSeconds(1));
        Assert.Equal(NodeStatus.Down, node.Status);
        Assert.False(run.Network.IsUp("c01-sub3"));
        node.Start();
        Assert.True(run.Network.IsUp("c01-sub3"));
    }
}
