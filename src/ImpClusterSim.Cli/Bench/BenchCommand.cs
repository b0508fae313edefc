using System.CommandLine;
using ImpClusterSim.Cli.Pki;

namespace ImpClusterSim.Cli.Bench;

/// <summary>`impsim bench`: prints the kernel's and the PKI's measured figures (both unless one is named).</summary>
public static class BenchCommand
{
    private static readonly Option<bool> Kernel = new("--kernel") { Description = "The kernel figures: time compression, throughput against a stock ActorSystem, start-up and memory per node" };
    private static readonly Option<bool> Pki = new("--pki") { Description = "The PKI figures: key generation with and without the pool, validations per second, crypto share of start-up" };

    public static Command Create()
    {
        var command = new Command("bench", "Measure the simulator's speed and memory (figures printed, not asserted)") { Kernel, Pki };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var kernel = parse.GetValue(Kernel);
            var pki = parse.GetValue(Pki);
            if (kernel || !pki) KernelBenchmark.Run(output);
            if (pki || !kernel) PkiBenchmark.Run(output);
            return 0;
        });
        return command;
    }
}
