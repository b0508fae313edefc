using Akka.Actor;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Fips;
using ImpClusterSim.Domain.Services;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Services;

namespace ImpClusterSim.Node.Runtime;

/// <summary>
/// The Service Manager's own concern of booting the node, with FIPS 140-2 mode (the domain's <see cref="FipsNodeState"/>
/// decides): <c>utils fips enable|disable</c> with its yes/no prompt, the reboot (every service stops at once; the
/// node answers nothing while it reboots), the start-up self-tests at every boot in FIPS mode (a fault can make them
/// fail: the node halts), the regeneration of all own certificates by the database, and recovery of a halted node.
/// </summary>
public sealed partial class ServiceManager
{
    private NodeFipsState _fips;
    private FipsAction? _fipsConfirmation;

    private bool PlatformRunning => _fips.Fips.Run == NodeRunState.Running;

    /// <summary>What the CLI and the administration pages say while the platform is not running (rebooting or halted).</summary>
    private string PlatformNotAvailable =>
        _fips.Fips.Run == NodeRunState.Halted ? FipsNodeState.NotAvailableHalted : FipsNodeState.NotAvailableRebooting;

    private void ReceiveBoot()
    {
        Receive<BootDone>(_ => OnBootDone());
        Receive<FipsSelfTestFault>(OnSelfTestFault);
        Receive<RecoverHaltedNode>(OnRecover);
        Receive<QueryFips>(q => q.ReplyTo.Tell(new FipsSnapshot(_node.NodeName, _fips.Fips)));
    }

    /// <summary>
    /// Keeps the FIPS state: on disk first (one atomic write), then in memory. When the write fails (a disk fault,
    /// <see cref="DiskWriteFailedException"/>) an administrator's change is refused whole (the exception reaches
    /// <see cref="AroundReceive"/>); the node's own boot bookkeeping (<paramref name="boot"/>) goes on in memory, traced,
    /// and a crash before the next good write boots again from what the disk holds, as a real node would.
    /// </summary>
    private void Persist(NodeFipsState next, bool boot = false)
    {
        try
        {
            _node.Disk.Put(NodeFipsState.DiskKey, next);
        }
        catch (DiskWriteFailedException failed) when (boot)
        {
            _node.Record(_path, "disk-write-failed", ("message", "boot"), ("key", failed.Key));
        }
        if (!Equals(next.Fips, _fips.Fips)) _node.Views.FipsChanged();
        _fips = next;
        _node.Routes.PlatformRunning = PlatformRunning;
    }

    /// <summary>
    /// A disk fault refused an administrator's FIPS change or recovery (<see cref="Persist"/> threw before anything
    /// changed): the administrator is told, and the node goes on as it was.
    /// </summary>
    protected override bool AroundReceive(Receive receive, object message)
    {
        try
        {
            return base.AroundReceive(receive, message);
        }
        catch (DiskWriteFailedException failed)
        {
            _node.Record(_path, "disk-write-failed", ("message", message.GetType().Name), ("key", failed.Key));
            var text = DiskWriteFailedException.Refusal(_node.NodeName);
            switch (message)
            {
                case CliRequest r:
                    r.ReplyTo.Tell(new CliReply(_node.NodeName, r.Line, text));
                    break;
                case RecoverHaltedNode r:
                    r.ReplyTo.Tell(new AdminReply(_node.NodeName, "Recovery", false, [text]));
                    break;
            }
            return true;
        }
    }

    private string FipsCli(FipsAction action)
    {
        var transition = ApplyFips(new FipsRequested(action));
        if (transition.NeedsConfirmation) _fipsConfirmation = action;
        return transition.Output;
    }

    /// <summary>The answer to the yes/no prompt of <c>utils fips enable|disable</c>.</summary>
    private string FipsConfirmation(string line)
    {
        switch (CliParser.ParseYesNo(line))
        {
            case true:
                var action = _fipsConfirmation!.Value;
                _fipsConfirmation = null;
                return ApplyFips(new FipsConfirmed(action)).Output;
            case false:
                _fipsConfirmation = null;
                return FipsOutput.Cancelled;
            default:
                return CliText.YesNoPrompt;
        }
    }

    private FipsTransition ApplyFips(FipsInput input, bool boot = false)
    {
        var transition = _fips.Fips.Apply(input);
        if (transition.State != _fips.Fips) Persist(_fips with { Fips = transition.State }, boot);
        foreach (var effect in transition.Effects) Carry(effect);
        return transition;
    }

    private void Carry(FipsEffect effect)
    {
        switch (effect)
        {
            case StopAllServices:
                Apply(new ShutDownNode());
                break;
            case RebootNode:
                _node.Record(_path, "node-rebooting", ("fips", _fips.Fips.IsFips ? "enabled" : "disabled"));
                Timers.StartSingleTimer("fips-boot", BootDone.Instance, _setup.Timings.NodeReboot.Draw(_durations.NextDouble));
                break;
            case RegenerateAllCertificates r:
                _database.Tell(new ChangeFipsMode(r.Mode == FipsMode.Fips));
                break;
            case StartAllServices:
                Apply(new BootNode());
                _database.Tell(CatchUpReplication.Instance);
                break;
            case NodeHalted h:
                _node.Record(_path, "node-halted", ("reason", FipsNodeState.SelfTestsFailed), ("fault", h.Fault.ToString()));
                break;
        }
    }

    /// <summary>The platform came up after a reboot: the self-tests run (in FIPS mode) with whatever fault the environment holds.</summary>
    private void OnBootDone()
    {
        var injected = _fips.InjectedSelfTestFault;
        // A transient fault strikes one boot only; a persistent one stays until the node is recovered.
        if (injected == SelfTestFault.Transient) Persist(_fips with { InjectedSelfTestFault = SelfTestFault.None }, boot: true);
        ApplyFips(new BootCompleted(injected), boot: true);
        if (PlatformRunning) _node.Record(_path, "node-booted", ("fips", _fips.Fips.IsFips ? "enabled" : "disabled"));
    }

    /// <summary>
    /// A new incarnation of the node starts (first boot, or a restart after a crash or a halt). In FIPS mode every boot
    /// runs the self-tests; a node that was halted or rebooting boots again through the FIPS state machine. Certificates
    /// that are not in the node's mode (a crash came between the mode change and the regeneration) are regenerated.
    /// </summary>
    private void Boot()
    {
        if (_fips.Fips.Run == NodeRunState.Running && !_fips.Fips.RegenerationPending && _db.Certificates.Fips != _fips.Fips.IsFips)
            _database.Tell(new ChangeFipsMode(_fips.Fips.IsFips));
        if (_fips.Fips is { Run: NodeRunState.Running, IsFips: false })
        {
            Apply(new BootNode());
            return;
        }
        if (_fips.Fips.Run != NodeRunState.Rebooting)
        {
            var restart = _fips.Fips.Apply(new RestartNode());
            Persist(_fips with { Fips = restart.State }, boot: true);
        }
        OnBootDone();
    }

    private void OnSelfTestFault(FipsSelfTestFault fault)
    {
        // The environment's fault is part of the node's world, whatever its disk does.
        Persist(_fips with { InjectedSelfTestFault = fault.Persistent ? SelfTestFault.Persistent : SelfTestFault.Transient }, boot: true);
        _node.Record(_path, "fips-selftest-fault", ("kind", fault.Persistent ? "persistent" : "transient"));
    }

    private void OnRecover(RecoverHaltedNode recover)
    {
        if (_fips.Fips.Run == NodeRunState.Halted && _fips.Fips.Fault == SelfTestFault.Persistent)
            Persist(_fips with { InjectedSelfTestFault = SelfTestFault.None });
        var transition = ApplyFips(new RecoverNode());
        recover.ReplyTo.Tell(new AdminReply(_node.NodeName, "Recovery", transition.Effects.Length > 0,
            [transition.Output.Length > 0 ? transition.Output : "Recovery started: the node reboots."]));
    }

    private sealed class BootDone
    {
        public static readonly BootDone Instance = new();
    }
}
