using ImpClusterSim.Node;
using ImpClusterSim.Node.Runtime;

namespace ImpClusterSim.Scenarios.Runner;

/// <summary>
/// Which of a node's change counters (<see cref="NodeStateViews"/>) covers the answer to a read-only query of type
/// <typeparamref name="T"/>, and when two answers are the same (the state they carry is the same object; FIPS state by
/// value). Null <see cref="Counter"/>: no counter covers it, and the node's activity decides (<see cref="SimRunHost.Query{T}"/>).
/// </summary>
internal static class QueryView<T>
{
    public static readonly Func<NodeStateViews, long>? Counter =
        typeof(T) == typeof(CertificatesSnapshot) ? v => v.Certificates
        : typeof(T) == typeof(PeerStatesSnapshot) ? v => v.PeerStates
        : typeof(T) == typeof(FipsSnapshot) ? v => v.Fips
        : null;

    /// <summary>
    /// False for an answer that changes with time alone, without any actor handling a message: the Inter-cluster Peer
    /// Status panel refreshes on its own grid when looked at (<see cref="PeerStatusSnapshot"/>). Such a query is asked
    /// every time.
    /// </summary>
    public static readonly bool Remembered = typeof(T) != typeof(PeerStatusSnapshot);

    /// <summary>
    /// Whether a remembered answer still tells what a fresh one does (asked only for the queries a counter covers; an
    /// answer and no answer, or answers of different types, differ).
    /// </summary>
    public static bool SameAnswer(object? remembered, object? fresh) => (remembered, fresh) switch
    {
        (null, null) => true,
        (CertificatesSnapshot a, CertificatesSnapshot b) => ReferenceEquals(a.Certificates, b.Certificates),
        (PeerStatesSnapshot a, PeerStatesSnapshot b) => a.States.Equals(b.States),
        (FipsSnapshot a, FipsSnapshot b) => Equals(a.State, b.State),
        _ => false,
    };
}
