using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Domain.Intercluster;

/// <summary>A broken invariant: which one, what broke it and when.</summary>
public sealed record InvariantViolation(string Invariant, SimInstant At, string Detail)
{
    public override string ToString() => $"{At} {Invariant}: {Detail}";
}
