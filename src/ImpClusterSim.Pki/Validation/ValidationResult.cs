namespace ImpClusterSim.Pki;

/// <summary>The verdict on a presented chain, the reasons in plain words, and the path that was judged (leaf first).</summary>
public sealed record ValidationResult(bool IsValid, IReadOnlyList<string> Reasons, IReadOnlyList<Certificate> Path)
{
    public string Verdict => IsValid ? "valid" : "invalid";

    public override string ToString() => IsValid
        ? $"valid: {string.Join(" <- ", Path.Select(c => $"'{c.Subject}'"))}"
        : $"invalid: {string.Join("; ", Reasons)}";
}
