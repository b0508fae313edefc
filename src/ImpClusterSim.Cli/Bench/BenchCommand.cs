using System.CommandLine;

namespace ImpClusterSim.Cli.Bench;

/// <summary>`impsim bench`: prints the kernel's (and the PKI's) measured figures.</summary>
public static class BenchCommand
{
    private static readonly Option<bool> KernelOnly = new("--kernel") { Description = "Only the kernel figures" };

    public static Command Create()
    {
        var command = new Command("bench", "Measure time compression, kernel throughput against a stock ActorSystem, start-up and memory per node") { KernelOnly };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            KernelBenchmark.Run(output);
            return 0;
        });
        return command;
    }
}
