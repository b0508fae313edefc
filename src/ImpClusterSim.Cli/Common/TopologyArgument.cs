using ImpClusterSim.Cli.Run;
using ImpClusterSim.Domain.Text;
using ImpClusterSim.Domain.Topology;

namespace ImpClusterSim.Cli.Common;

/// <summary>
/// A <c>--topology</c> value that names an embedded topology (default, two-clusters, lab) or a topology file: the
/// embedded name wins; a file is read as <c>run --topology</c> reads it (a directory, a device or a file too large is
/// refused); anything else is bad input listing the embedded names, with the nearest one ("DEFAULT": did you mean
/// 'default'?).
/// </summary>
internal static class TopologyArgument
{
    /// <summary>
    /// The deployment and how a saved scenario refers to it (the embedded name, or the file's full path);
    /// <see cref="UsageException"/> (exit 2) when it is neither.
    /// </summary>
    public static (string Reference, Deployment Deployment) Resolve(string argument, string option = "--topology")
    {
        if (TopologyLoader.EmbeddedNames.Contains(argument)) return (argument, TopologyLoader.LoadEmbedded(argument));
        var path = new FileInfo(argument);
        if (!path.Exists && !Directory.Exists(path.FullName))
            throw new UsageException($"{option} '{argument}' is neither a topology file nor an embedded topology ({string.Join(", ", TopologyLoader.EmbeddedNames)})" +
                                     Spelling.DidYouMean(argument, TopologyLoader.EmbeddedNames));
        return (path.FullName, RunCommand.LoadTopology(path));
    }
}
