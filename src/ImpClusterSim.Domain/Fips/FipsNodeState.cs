using System.Collections.Immutable;
using ImpClusterSim.Domain.Cli;

namespace ImpClusterSim.Domain.Fips;

/// <summary>
/// One node's FIPS 140-2 state machine (the guide, "FIPS 140-2 Mode Configuration"; domain facts §4):
/// NonFips/Fips × Running/Rebooting/Halted. Enabling or disabling (after "yes") sets the mode, stops all
/// services and reboots. At boot in FIPS mode the startup self-tests run: a fault halts the node (transient: a
/// restart fixes it; persistent: halted on every boot until recovered with the recovery CD). After the first
/// successful boot in the new mode all own certificates are regenerated, then the services start.
/// <see cref="EnforcesFipsPolicy"/> is the flag upload and validation code reads.
/// </summary>
public sealed record FipsNodeState(FipsMode Mode, NodeRunState Run, SelfTestFault Fault, bool RegenerationPending)
{
    public const string NotAvailableRebooting = "The node is rebooting; try again when it is up.";
    public const string NotAvailableHalted = "The node has halted; restart it (or recover it) first.";
    public const string SelfTestsFailed = "FIPS 140-2 startup self-tests failed: IM and Presence Service halted.";
    public const string RecoveryNotNeeded = "The node is not halted by a persistent self-test failure: recovery not needed.";

    /// <summary>A running node in non-FIPS mode (the default).</summary>
    public static FipsNodeState Default { get; } = new(FipsMode.NonFips, NodeRunState.Running, SelfTestFault.None, false);

    public bool IsFips => Mode == FipsMode.Fips;

    /// <summary>Whether <see cref="Pki.FipsPolicy"/> governs this node's uploads and chain validation.</summary>
    public bool EnforcesFipsPolicy => IsFips;

    public FipsTransition Apply(FipsInput input) => input switch
    {
        FipsRequested r => Request(r.Action),
        FipsConfirmed c => Confirm(c.Action),
        BootCompleted b => Boot(b.Fault),
        RestartNode => Restart(),
        RecoverNode => Recover(),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input, "unknown FIPS input"),
    };

    private FipsTransition Request(FipsAction action)
    {
        if (Run != NodeRunState.Running)
        {
            return Same(NotAvailable);
        }
        return action switch
        {
            FipsAction.Status => Same(FipsOutput.Status(IsFips)),
            FipsAction.Enable when IsFips => Same(FipsOutput.AlreadyInMode(true)),
            FipsAction.Disable when !IsFips => Same(FipsOutput.AlreadyInMode(false)),
            _ => Same(FipsOutput.Warning(action == FipsAction.Enable)) with { NeedsConfirmation = true },
        };
    }

    private FipsTransition Confirm(FipsAction action)
    {
        if (Run != NodeRunState.Running)
        {
            return Same(NotAvailable);
        }
        var target = action switch
        {
            FipsAction.Enable => FipsMode.Fips,
            FipsAction.Disable => FipsMode.NonFips,
            _ => Mode,
        };
        if (action == FipsAction.Status || target == Mode)
        {
            return Request(action);
        }
        var next = new FipsNodeState(target, NodeRunState.Rebooting, Fault, true);
        return new FipsTransition(next, [new StopAllServices(), new RebootNode()], FipsOutput.Changed(target == FipsMode.Fips));
    }

    private FipsTransition Boot(SelfTestFault injected)
    {
        if (Run != NodeRunState.Rebooting)
        {
            return Same("");
        }
        var fault = Fault == SelfTestFault.Persistent ? SelfTestFault.Persistent : injected;
        if (IsFips && fault != SelfTestFault.None)
        {
            return new FipsTransition(this with { Run = NodeRunState.Halted, Fault = fault }, [new NodeHalted(fault)], SelfTestsFailed);
        }
        var effects = ImmutableArray.CreateBuilder<FipsEffect>();
        if (RegenerationPending)
        {
            effects.Add(new RegenerateAllCertificates(Mode));
        }
        effects.Add(new StartAllServices());
        return new FipsTransition(this with { Run = NodeRunState.Running, RegenerationPending = false, Fault = fault == SelfTestFault.Persistent ? fault : SelfTestFault.None },
            effects.ToImmutable(), "");
    }

    private FipsTransition Restart() => Run switch
    {
        NodeRunState.Running => new FipsTransition(this with { Run = NodeRunState.Rebooting }, [new StopAllServices(), new RebootNode()], ""),
        NodeRunState.Halted => new FipsTransition(
            this with { Run = NodeRunState.Rebooting, Fault = Fault == SelfTestFault.Persistent ? Fault : SelfTestFault.None },
            [new RebootNode()], ""),
        _ => Same(NotAvailableRebooting),
    };

    private FipsTransition Recover() => Run == NodeRunState.Halted && Fault == SelfTestFault.Persistent
        ? new FipsTransition(this with { Run = NodeRunState.Rebooting, Fault = SelfTestFault.None }, [new RebootNode()], "")
        : Same(RecoveryNotNeeded);

    private string NotAvailable => Run == NodeRunState.Halted ? NotAvailableHalted : NotAvailableRebooting;

    private FipsTransition Same(string output) => new(this, [], output);
}
