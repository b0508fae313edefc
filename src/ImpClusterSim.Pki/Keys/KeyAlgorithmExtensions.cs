namespace ImpClusterSim.Pki;

/// <summary>Facts about a <see cref="KeyAlgorithm"/>: its family, size and the name listings show.</summary>
public static class KeyAlgorithmExtensions
{
    /// <summary>True for the RSA sizes (1024 to 4096 bits), false for the EC curves.</summary>
    public static bool IsRsa(this KeyAlgorithm algorithm) => algorithm is KeyAlgorithm.Rsa1024
        or KeyAlgorithm.Rsa2048 or KeyAlgorithm.Rsa3072 or KeyAlgorithm.Rsa4096;

    /// <summary>RSA modulus bits, or the EC field size.</summary>
    public static int Bits(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Rsa1024 => 1024,
        KeyAlgorithm.Rsa2048 => 2048,
        KeyAlgorithm.Rsa3072 => 3072,
        KeyAlgorithm.Rsa4096 => 4096,
        KeyAlgorithm.EcP256 => 256,
        KeyAlgorithm.EcP384 => 384,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The name used in listings and in the CLI: "RSA-2048", "EC-P256".</summary>
    public static string DisplayName(this KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.EcP256 => "EC-P256",
        KeyAlgorithm.EcP384 => "EC-P384",
        _ => $"RSA-{algorithm.Bits()}",
    };

    /// <summary>Parses "RSA-2048", "rsa2048", "2048", "EC-P256", "P-256", "ec256".</summary>
    public static KeyAlgorithm Parse(string text)
    {
        var t = text.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return t switch
        {
            "RSA1024" or "1024" => KeyAlgorithm.Rsa1024,
            "RSA2048" or "2048" => KeyAlgorithm.Rsa2048,
            "RSA3072" or "3072" => KeyAlgorithm.Rsa3072,
            "RSA4096" or "4096" => KeyAlgorithm.Rsa4096,
            "ECP256" or "P256" or "EC256" or "ECDSA256" => KeyAlgorithm.EcP256,
            "ECP384" or "P384" or "EC384" or "ECDSA384" => KeyAlgorithm.EcP384,
            _ => throw new ArgumentException($"unknown key algorithm '{text}' (RSA-1024, RSA-2048, RSA-3072, RSA-4096, EC-P256, EC-P384)", nameof(text)),
        };
    }
}
