using System.Collections.Concurrent;
using System.Globalization;
using Org.BouncyCastle.Crypto;

namespace ImpClusterSim.Pki;

/// <summary>
/// Hands out key pairs by stable key id. Which key an id gets depends only on the id and the algorithm (never on
/// timing or on the order of requests), so the same seed and names give the same keys in any process.
/// EC keys are generated per id (about a millisecond). RSA keys, in <see cref="KeyPoolMode.Pooled"/> mode, come from
/// the shipped pool of pre-generated keys (<see cref="RsaKeyPoolFile"/>): the slot is a hash of the id, so two ids
/// share a key with probability 1/pool size. In <see cref="KeyPoolMode.Exact"/> mode every id gets its own key.
/// Generated and loaded keys are cached for the life of the process, shared by all pools.
/// </summary>
public sealed class KeyPool
{
    private static readonly ConcurrentDictionary<(KeyAlgorithm, string), Lazy<AsymmetricCipherKeyPair>> GeneratedKeys = new();
    private static readonly ConcurrentDictionary<(KeyAlgorithm, int), Lazy<AsymmetricCipherKeyPair>> SlotKeys = new();
    private long generated;
    private long fromPool;
    private long cacheHits;

    public KeyPool(KeyPoolMode mode) => Mode = mode;

    /// <summary>The process-wide pooled instance the simulator uses.</summary>
    public static KeyPool Shared { get; } = new(KeyPoolMode.Pooled);

    public KeyPoolMode Mode { get; }

    public KeyPoolStatistics Statistics => new(Interlocked.Read(ref generated), Interlocked.Read(ref fromPool), Interlocked.Read(ref cacheHits));

    /// <summary>The pool slot an id maps to for an RSA algorithm (stable across processes).</summary>
    public static int SlotFor(string keyId, KeyAlgorithm algorithm) =>
        (int)(DeterministicRandom.HashToUInt64("slot", algorithm.DisplayName(), keyId) % (ulong)RsaKeyPoolFile.Size(algorithm));

    public KeyPair Get(string keyId, KeyAlgorithm algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        if (Mode == KeyPoolMode.Pooled && algorithm.IsRsa())
        {
            var slot = SlotFor(keyId, algorithm);
            var isNew = false;
            var lazy = SlotKeys.GetOrAdd((algorithm, slot), key => new Lazy<AsymmetricCipherKeyPair>(() =>
            {
                isNew = true;
                return RsaKeyPoolFile.Load(key.Item1, key.Item2);
            }));
            var pair = lazy.Value;
            Interlocked.Increment(ref isNew ? ref fromPool : ref cacheHits);
            return new KeyPair(algorithm, keyId, slot, pair);
        }
        var made = false;
        var entry = GeneratedKeys.GetOrAdd((algorithm, keyId), key => new Lazy<AsymmetricCipherKeyPair>(() =>
        {
            made = true;
            return KeyGenerator.GenerateRaw(key.Item1, key.Item2);
        }));
        var value = entry.Value;
        Interlocked.Increment(ref made ? ref generated : ref cacheHits);
        return new KeyPair(algorithm, keyId, null, value);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"KeyPool({Mode})");
}
