namespace ImpClusterSim.Scenarios.Language;

/// <summary>How an expectation is checked.</summary>
public enum CheckMode
{
    /// <summary>At one instant (<c>at: 2h</c>): <see cref="CheckWindow.From"/> = <see cref="CheckWindow.To"/>.</summary>
    At,

    /// <summary>True at some instant of [From, To] (<c>within: 20m</c>, optionally <c>after: label</c>).</summary>
    Within,

    /// <summary>
    /// True at every instant of [From, To] (<c>always: true</c>; From is the start or the <c>after</c> label's step,
    /// To the horizon or the <c>until</c> label's step).
    /// </summary>
    Always,
}

/// <summary>
/// When a condition is checked, resolved to times since the start; <see cref="AfterLabel"/> and
/// <see cref="UntilLabel"/> as written (an 'always' check opens once the 'after' step has been played and closes,
/// held, once the 'until' step has been played).
/// </summary>
public sealed record CheckWindow(CheckMode Mode, TimeSpan From, TimeSpan To, string? AfterLabel = null, string? UntilLabel = null);
