using Org.BouncyCastle.Utilities;

namespace ImpClusterSim.Pki;

/// <summary>
/// BouncyCastle runs Miller-Rabin tests on every RSA modulus it parses (~24 ms for RSA-2048). For keys this library
/// made itself (the key pool, certificates it issued) the test proves nothing, so it is turned off for this thread
/// while such a key is parsed. Keys read from outside (files, the CLI) keep the default tests.
/// </summary>
internal static class RsaPrimalityTests
{
    private const string MaxMrTests = "Org.BouncyCastle.Rsa.MaxMRTests";

    public static T SkippedFor<T>(Func<T> parse) => Properties.WithThreadProperty(MaxMrTests, "0", parse);
}
