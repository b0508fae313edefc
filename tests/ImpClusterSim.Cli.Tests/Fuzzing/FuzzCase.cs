namespace ImpClusterSim.Cli.Tests.Fuzzing;

/// <summary>What a fuzz input is, and so how <see cref="FuzzTarget"/> plays it.</summary>
public enum FuzzKind
{
    /// <summary>A scenario file: <c>impsim validate</c>, then <c>impsim run --until 20m</c> when it is valid.</summary>
    Scenario,

    /// <summary>A topology file, named by a scenario: validated, then run for 20 virtual minutes when valid.</summary>
    Topology,

    /// <summary>A certificate file (PEM or DER): <c>impsim pki inspect</c> and <c>impsim pki verify</c>.</summary>
    Certificate,

    /// <summary>An <c>impsim</c> command line, one argument per line ({scenario}, {topology}, {cert}, {dir} stand for fixtures).</summary>
    Arguments,

    /// <summary>A shell script: <c>impsim shell --script FILE</c> on the lab topology.</summary>
    ShellScript,
}

/// <summary>One input to play: its kind, its bytes, and where it came from (a corpus file, or a seed and mutations).</summary>
public sealed record FuzzCase(FuzzKind Kind, byte[] Content, string Origin);

/// <summary>How one command of a case ended: exit code, output, wall time, and the managed heap after it.</summary>
public sealed record FuzzRun(string Command, int Exit, string Output, string Error, TimeSpan Wall, long HeapBytes);
