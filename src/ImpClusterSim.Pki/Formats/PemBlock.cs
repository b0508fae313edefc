namespace ImpClusterSim.Pki;

/// <summary>One decoded PEM block: its label, the line its BEGIN is on (1-based) and its bytes.</summary>
internal sealed record PemBlock(string Label, int Line, byte[] Der);
