using System.Collections.Concurrent;
using System.Globalization;
using Akka.Configuration;

namespace ImpClusterSim.Simulation.Kernel;

/// <summary>
/// Which run's kernel a simulated ActorSystem works for. Akka builds a system's scheduler, executor and mailboxes by
/// reflection from its configuration; they find their binding by the id in <c>impsim.binding</c> and go through it for
/// every timer, mailbox run and message, so that a node's ActorSystem can be handed from one run to the next
/// (<see cref="Nodes.NodeSystemPool"/>) instead of being created again. Bound to at most one kernel at a time; every
/// <see cref="Bind"/>, <see cref="EndIncarnation"/> and <see cref="Park"/> starts a new <see cref="Epoch"/>, and timers
/// armed in an earlier epoch never fire. Touched only by the loop thread of the run that holds the system.
/// </summary>
public sealed class KernelBinding
{
    private const string BindingKey = "impsim.binding";
    private static readonly ConcurrentDictionary<string, KernelBinding> Registry = new(StringComparer.Ordinal);
    private static long _counter;

    private KernelBinding()
    {
        Id = "binding-" + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        Config = ConfigurationFactory.ParseString(SimHocon.Render(Id));
        Registry[Id] = this;
    }

    /// <summary>A process-local key in the system's configuration. Never traced.</summary>
    public string Id { get; }

    /// <summary>The Akka configuration to create the ActorSystem(s) of this binding with.</summary>
    public Config Config { get; }

    /// <summary>The kernel the system works for now; null while parked (nothing it schedules runs).</summary>
    public SimulationKernel? Kernel { get; private set; }

    /// <summary>Incremented at every bind, end of incarnation and park: a timer armed in another epoch is dropped when it comes due.</summary>
    public long Epoch { get; private set; }

    /// <summary>
    /// Set when the system was asked to run something, or to arm a timer, while parked: work that belongs to no run.
    /// A tainted system is not reused (<see cref="Nodes.NodeSystemPool"/>).
    /// </summary>
    public bool Tainted { get; private set; }

    /// <summary>A binding for new ActorSystems, bound to <paramref name="kernel"/>.</summary>
    public static KernelBinding Create(SimulationKernel kernel)
    {
        var binding = new KernelBinding();
        binding.Bind(kernel);
        return binding;
    }

    /// <summary>The binding named in a simulated system's configuration.</summary>
    /// <exception cref="InvalidOperationException">The configuration names no binding of this process.</exception>
    public static KernelBinding FromConfig(Config config)
    {
        var id = config.GetString(BindingKey, null);
        if (id is null || !Registry.TryGetValue(id, out var binding))
            throw new InvalidOperationException($"No simulation kernel binding for '{BindingKey} = {id ?? "<missing>"}'");
        return binding;
    }

    /// <summary>Works for <paramref name="kernel"/> from now on; timers of the previous epoch are dropped.</summary>
    public void Bind(SimulationKernel kernel)
    {
        Kernel = kernel;
        Draining = false;
        Epoch++;
    }

    /// <summary>
    /// A node's incarnation ended: every timer armed so far is dropped and none is armed any more, while the system stays
    /// bound so that its actors' stops run on the loop (until the next <see cref="Bind"/>).
    /// </summary>
    public void EndIncarnation()
    {
        Epoch++;
        Draining = true;
    }

    /// <summary>Between <see cref="EndIncarnation"/> and the next <see cref="Bind"/>: timers are not armed.</summary>
    public bool Draining { get; private set; }

    /// <summary>Records work that came while parked (see <see cref="Tainted"/>).</summary>
    internal void Taint() => Tainted = true;

    /// <summary>Works for no kernel: pending timers are dropped and new ones are not armed.</summary>
    public void Park()
    {
        Kernel = null;
        Draining = false;
        Epoch++;
    }

    /// <summary>Forgets the binding (its system is gone for good).</summary>
    public void Retire()
    {
        Park();
        Registry.TryRemove(Id, out _);
    }
}
