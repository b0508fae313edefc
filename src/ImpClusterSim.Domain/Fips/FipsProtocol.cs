using System.Collections.Immutable;
using ImpClusterSim.Domain.Cli;

namespace ImpClusterSim.Domain.Fips;

/// <summary>An input to <see cref="FipsNodeState.Apply"/>.</summary>
public abstract record FipsInput;

/// <summary><c>utils fips enable|disable|status</c> typed at the CLI (before any confirmation).</summary>
public sealed record FipsRequested(FipsAction Action) : FipsInput;

/// <summary>The administrator answered "yes" to the warning of <c>utils fips enable|disable</c>.</summary>
public sealed record FipsConfirmed(FipsAction Action) : FipsInput;

/// <summary>The reboot finished and the node boots; <paramref name="Fault"/> is the self-test fault the run injects into this boot.</summary>
public sealed record BootCompleted(SelfTestFault Fault = SelfTestFault.None) : FipsInput;

/// <summary>The node is restarted (power cycle or <c>utils system restart</c>).</summary>
public sealed record RestartNode : FipsInput;

/// <summary>The node is recovered with the recovery CD (the only way out of a persistent self-test failure).</summary>
public sealed record RecoverNode : FipsInput;

/// <summary>Something the node's actor carries out.</summary>
public abstract record FipsEffect;

/// <summary>Stop every service of the node (it is going down).</summary>
public sealed record StopAllServices : FipsEffect;

/// <summary>Reboot: after the reboot duration, send <see cref="BootCompleted"/> with the fault drawn for this boot.</summary>
public sealed record RebootNode : FipsEffect;

/// <summary>Boot finished (self-tests passed in FIPS mode): start the node's services.</summary>
public sealed record StartAllServices : FipsEffect;

/// <summary>
/// Regenerate all of the node's own certificates as self-signed ones that the mode allows (FIPS-approved keys and
/// SHA-256 in FIPS mode); the certificate domain does the work.
/// </summary>
public sealed record RegenerateAllCertificates(FipsMode Mode) : FipsEffect;

/// <summary>The FIPS startup self-tests failed and the node halted.</summary>
public sealed record NodeHalted(SelfTestFault Fault) : FipsEffect;

/// <summary>The result of one input: the node's new FIPS state, the effects in order and the CLI output (may be empty).</summary>
public sealed record FipsTransition(FipsNodeState State, ImmutableArray<FipsEffect> Effects, string Output)
{
    /// <summary>True when the output is the warning and the CLI must ask "Do you want to continue (yes/no)?".</summary>
    public bool NeedsConfirmation { get; init; }
}
