namespace ImpClusterSim.Cli.Shell;

/// <summary>The shell's <c>help</c> text.</summary>
internal static class ShellHelp
{
    public const string Text = """
        Commands (virtual time moves only with 'advance'):
          nodes                      the nodes: cluster, kind, role, up or down
          use NODE                   log in to NODE's admin CLI (its login banner, then 'admin:'); 'exit' logs out
          <CLI line>                 at 'admin:', any platform CLI line, e.g. utils service list, show cert list own
          advance DURATION           run virtual time (90s, 10m, 1h30m, 2d) and print what happened
          partition A B [--one-way]  cut the network between nodes or clusters A and B (one way: A cannot reach B)
          heal [ID]                  end partition ID, or every partition
          crash NODE                 crash NODE (everything volatile lost; its disk stays)
          restart NODE               start NODE again (crash-restart if it is up)
          skew NODE OFFSET           set NODE's clock offset: -2h (behind), +30m, 400d (ahead)
          status                     virtual time, nodes up and down, partitions, skews
          peer CLUSTER CLUSTER       peer two IM&P clusters over TLS (Presence > Inter-Clustering > Add New on both publishers)
          peers                      the Inter-cluster Peer Status panel of each IM&P publisher
          save FILE                  save what was typed as a scenario (impsim validate accepts it)
          help                       this text
          exit                       log out of the node, or end the session
        """;
}
