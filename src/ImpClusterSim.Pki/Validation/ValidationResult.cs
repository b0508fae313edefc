namespace ImpClusterSim.Pki;

/// <summary>
/// The verdict on a presented chain, the failed checks (kind and plain words), and the path that was judged
/// (leaf first).
/// </summary>
public sealed record ValidationResult(bool IsValid, IReadOnlyList<ValidationFailure> Failures, IReadOnlyList<Certificate> Path)
{
    public string Verdict => IsValid ? "valid" : "invalid";

    /// <summary>How much path search the verdict took (candidate paths checked, issuer comparisons); zero for direct trust.</summary>
    public PathSearchStatistics Search { get; init; } = new(0, 0);

    /// <summary>The reasons in plain words, e.g. "certificate 'CN=x' expired on 2031-01-01T00:00:00Z".</summary>
    public IReadOnlyList<string> Reasons => Failures.Select(f => f.Reason).ToArray();

    public bool HasFailure(ValidationFailureKind kind) => Failures.Any(f => f.Kind == kind);

    public override string ToString() => IsValid
        ? $"valid: {string.Join(" <- ", Path.Select(c => $"'{c.Subject}'"))}"
        : $"invalid: {string.Join("; ", Reasons)}";
}
