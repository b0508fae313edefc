namespace ImpClusterSim.Scenarios.Language;

/// <summary>How an expectation is checked.</summary>
public enum CheckMode
{
    /// <summary>At one instant (<c>at: 2h</c>): <see cref="CheckWindow.From"/> = <see cref="CheckWindow.To"/>.</summary>
    At,

    /// <summary>True at some instant of [From, To] (<c>within: 20m</c>, optionally <c>after: label</c>).</summary>
    Within,

    /// <summary>True at every instant of [From, To] (<c>always: true</c>; To is the horizon).</summary>
    Always,
}

/// <summary>When a condition is checked, resolved to times since the start; <see cref="AfterLabel"/> as written.</summary>
public sealed record CheckWindow(CheckMode Mode, TimeSpan From, TimeSpan To, string? AfterLabel = null);
