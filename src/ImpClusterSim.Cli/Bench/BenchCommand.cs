using System.CommandLine;
using ImpClusterSim.Cli.Pki;

namespace ImpClusterSim.Cli.Bench;

/// <summary>`impsim bench`: prints the kernel's, the PKI's and chaos's measured figures (all unless some are named).</summary>
public static class BenchCommand
{
    private static readonly Option<bool> Kernel = new("--kernel") { Description = "The kernel figures: time compression, throughput against a stock ActorSystem, start-up and memory per node" };
    private static readonly Option<bool> Chaos = new("--chaos") { Description = "Seeded chaos runs per second of the 20-node deployment over 24 virtual hours (built-in workload)" };
    private static readonly Option<bool> Pki = new("--pki") { Description = "The PKI figures: key generation with and without the pool, validations per second, crypto share of start-up" };

    public static Command Create()
    {
        var command = new Command("bench", "Measure the simulator's speed and memory (figures printed, not asserted)") { Kernel, Pki, Chaos };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var kernel = parse.GetValue(Kernel);
            var pki = parse.GetValue(Pki);
            var chaos = parse.GetValue(Chaos);
            var all = !kernel && !pki && !chaos;
            if (kernel || all) KernelBenchmark.Run(output);
            if (pki || all) PkiBenchmark.Run(output);
            if (chaos || all) ChaosBenchmark.Run(output);
            return 0;
        });
        return command;
    }
}
