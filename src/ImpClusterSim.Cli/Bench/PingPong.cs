using Akka.Actor;

namespace ImpClusterSim.Cli.Bench;

/// <summary>The throughput workload: pairs of actors bouncing a counter until it reaches a target, then reporting.</summary>
internal sealed class PingPong : ReceiveActor
{
    public PingPong(long target, Action done)
    {
        IActorRef? partner = null;
        Receive<IActorRef>(p => partner = p);
        Receive<long>(n =>
        {
            if (n >= target) done();
            else partner!.Tell(n + 1);
        });
    }

    public static Props Props(long target, Action done) => Akka.Actor.Props.Create(() => new PingPong(target, done));
}

/// <summary>Serves the workload in a system.</summary>
internal static class PingPongWorkload
{
    /// <summary>Creates <paramref name="pairs"/> pairs in <paramref name="system"/> and serves the first ball of each.</summary>
    public static void Serve(ActorSystem system, int pairs, long messagesPerPair, Action pairDone)
    {
        for (var i = 0; i < pairs; i++)
        {
            var a = system.ActorOf(PingPong.Props(messagesPerPair, pairDone), $"ping-{i}");
            var b = system.ActorOf(PingPong.Props(messagesPerPair, pairDone), $"pong-{i}");
            a.Tell(b);
            b.Tell(a);
            a.Tell(0L);
        }
    }
}
