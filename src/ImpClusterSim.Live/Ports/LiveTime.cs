using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Live.Ports;

/// <summary>
/// The run's time in live mode: wall time since <see cref="Epoch"/> (shared by every process of a deployment) times
/// <see cref="Speed"/>, counted from <see cref="Origin"/> (the virtual instant the run starts at). Speed 60 is one
/// virtual minute per wall second. Reads the machine clock: live code only.
/// </summary>
public sealed record LiveTime(SimInstant Origin, DateTimeOffset Epoch, double Speed)
{
    public SimInstant Now => Origin + Virtual(DateTimeOffset.UtcNow - Epoch);

    /// <summary>Virtual time since the start of the run.</summary>
    public TimeSpan Elapsed => Now - Origin;

    /// <summary>A wall duration in virtual time.</summary>
    public TimeSpan Virtual(TimeSpan wall) => TimeSpan.FromTicks((long)(wall.Ticks * Speed));

    /// <summary>A virtual duration in wall time (at least zero).</summary>
    public TimeSpan Wall(TimeSpan @virtual) => @virtual <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(@virtual.Ticks / Speed));

    /// <summary>The wall instant at which virtual time <paramref name="sinceStart"/> is reached.</summary>
    public DateTimeOffset WallAt(TimeSpan sinceStart) => Epoch + Wall(sinceStart);
}
