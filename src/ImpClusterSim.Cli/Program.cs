using System.CommandLine;
using ImpClusterSim.Cli;

return ImpsimCommand.Invoke(args, Console.Out, Console.Error);
