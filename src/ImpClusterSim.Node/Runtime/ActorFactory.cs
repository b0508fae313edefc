using Akka.Actor;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// Props that make an actor by calling a factory, through Akka's <see cref="IIndirectActorProducer"/>. Akka's
/// <c>Props.Create(() =&gt; new T(...))</c> builds an expression tree at every call, reads its arguments back by
/// reflection and calls the constructor through <c>Activator.CreateInstance</c>; a node makes its service actors again
/// at every boot and every service restart (dozens per node per simulated day), where that was a few percent of a run.
/// </summary>
public static class ActorFactory
{
    /// <summary>Props whose every incarnation of the actor (first start, supervisor restart) is <paramref name="make"/>().</summary>
    public static Props Props<TActor>(Func<TActor> make) where TActor : ActorBase => Akka.Actor.Props.CreateBy(new Producer<TActor>(make));

    private sealed class Producer<TActor>(Func<TActor> make) : IIndirectActorProducer where TActor : ActorBase
    {
        public Type ActorType => typeof(TActor);

        public ActorBase Produce() => make();

        public void Release(ActorBase actor)
        {
        }
    }
}
