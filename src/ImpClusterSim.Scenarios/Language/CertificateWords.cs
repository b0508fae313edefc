using System.Collections.Immutable;
using ImpClusterSim.Pki;

namespace ImpClusterSim.Scenarios.Language;

/// <summary>
/// The scenario language's words for keys and signature hashes (rsa-1024 … ec-p384, sha1 … sha512), both ways: read
/// by the validator, written into the trace. One table, so a word and its value cannot drift apart.
/// </summary>
internal static class CertificateWords
{
    private static readonly ImmutableArray<(string Word, KeyAlgorithm Key)> Keys =
    [
        ("rsa-1024", KeyAlgorithm.Rsa1024), ("rsa-2048", KeyAlgorithm.Rsa2048), ("rsa-3072", KeyAlgorithm.Rsa3072),
        ("rsa-4096", KeyAlgorithm.Rsa4096), ("ec-p256", KeyAlgorithm.EcP256), ("ec-p384", KeyAlgorithm.EcP384),
    ];

    private static readonly ImmutableArray<(string Word, SignatureHash Hash)> Hashes =
        [("sha1", SignatureHash.Sha1), ("sha256", SignatureHash.Sha256), ("sha384", SignatureHash.Sha384), ("sha512", SignatureHash.Sha512)];

    /// <summary>The key a validated word names (ScenarioVocabulary.LeafKeyAlgorithms).</summary>
    public static KeyAlgorithm Key(string word) => Keys.First(k => k.Word == word).Key;

    /// <summary>The word for a key, as a scenario writes it.</summary>
    public static string Word(KeyAlgorithm key) => Keys.First(k => k.Key == key).Word;

    /// <summary>The hash a validated word names (ScenarioVocabulary.SignatureHashes).</summary>
    public static SignatureHash Hash(string word) => Hashes.First(h => h.Word == word).Hash;

    /// <summary>The word for a hash, as a scenario writes it.</summary>
    public static string Word(SignatureHash hash) => Hashes.First(h => h.Hash == hash).Word;
}
