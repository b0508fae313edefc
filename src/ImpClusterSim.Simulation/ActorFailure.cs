using ImpClusterSim.Domain.Time;

namespace ImpClusterSim.Simulation;

/// <summary>
/// An exception inside a node during a run: the node, the actor's path inside the node's ActorSystem
/// ("/user/node/cisco-tomcat"), the virtual time, the exception's type and message, and the exception itself when
/// Akka gave it (for <c>--verbose</c>).
/// </summary>
public sealed record ActorFailure(string Node, string ActorPath, SimInstant Time, string Message, Exception? Cause)
{
    /// <summary>"akka://imp-a-pub/user/node/x" as "/user/node/x"; any other text as it is.</summary>
    public static string LocalPath(string path)
    {
        if (!path.StartsWith("akka://", StringComparison.Ordinal)) return path;
        var slash = path.IndexOf('/', "akka://".Length);
        return slash < 0 ? "/" : path[slash..];
    }
}
