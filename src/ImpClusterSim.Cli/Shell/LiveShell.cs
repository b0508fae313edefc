using System.Globalization;
using Akka.Actor;
using ImpClusterSim.Cli.Common;
using ImpClusterSim.Live;
using ImpClusterSim.Live.Control;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// `impsim shell --connect HOST:PORT`: the shell on a live deployment left running by `impsim live --keep` (docs/shell.md,
/// "A live deployment"). It does not join the cluster (it would count in the Split Brain Resolver's majority): it asks
/// the node process at HOST:PORT which node members are Up, and talks to each one's control actor over Akka.Remote.
/// Supported: <c>nodes</c>, <c>status</c>, <c>use NODE</c> and platform CLI lines at its <c>admin:</c> prompt, <c>exit</c>.
/// Virtual time, faults and recording belong to the coordinator in live mode: those commands are refused with a message.
/// </summary>
internal sealed class LiveShell : IDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    private static readonly HashSet<string> SimOnly = new(StringComparer.Ordinal)
    {
        "advance", "partition", "heal", "crash", "restart", "skew", "peer", "peers", "save",
    };

    private readonly ActorSystem _system;
    private readonly Address _entry;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly bool _echo;
    private string? _node;
    private bool _failed;

    private LiveShell(ActorSystem system, Address entry, TextWriter output, TextWriter error, bool echo)
    {
        _system = system;
        _entry = entry;
        _output = output;
        _error = error;
        _echo = echo;
    }

    /// <summary>Connects (the node process at <paramref name="hostPort"/> must answer), then reads commands until the end of <paramref name="input"/> or <c>exit</c>.</summary>
    public static int Run(string hostPort, TextReader input, TextWriter output, TextWriter error, bool echo)
    {
        var parts = hostPort.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new UsageException($"--connect '{hostPort}' is not HOST:PORT (a node process of `impsim live --keep`, e.g. 127.0.0.1:25521)");
        var system = LiveHocon.CreateHostSystem(new LiveHostSettings("127.0.0.1", 0, [], ["shell"], LogLevel: "ERROR"));
        using var shell = new LiveShell(system, Address.Parse(LiveHocon.AddressOf(parts[0], port)), output, error, echo);
        MemberList members;
        try
        {
            members = shell.Ask<MemberList>(shell._entry, new ListMembers());
        }
        catch (Exception e) when (IsNoAnswer(e))
        {
            error.WriteLine($"impsim shell: no live node process answers at {hostPort}: {e.Message}");
            return ExitCodes.ExpectationFailed;
        }

        output.WriteLine($"connected to a live deployment through {hostPort}: {members.Nodes.Count} node members Up ({string.Join(", ", members.Nodes)})");
        output.WriteLine("supported here: nodes, status, use NODE and platform CLI lines at its admin: prompt, exit (virtual time and faults belong to `impsim live`)");
        return shell.Loop(input);
    }

    private int Loop(TextReader input)
    {
        while (true)
        {
            _output.Write(_node is null ? "impsim> " : $"{_node} admin: ");
            var line = input.ReadLine();
            if (line is null) break;
            line = line.Trim();
            if (_echo) _output.WriteLine(line);
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var word = line.Split(' ', 2)[0];
            if (line == "exit")
            {
                if (_node is null) break;
                _node = null;
                continue;
            }

            try
            {
                Command(line, word);
            }
            catch (Exception e) when (IsNoAnswer(e))
            {
                Fail($"no answer: {e.Message}");
            }
        }

        return _failed ? ExitCodes.ExpectationFailed : ExitCodes.Success;
    }

    private void Command(string line, string word)
    {
        switch (word)
        {
            case "nodes":
            case "status":
                Nodes(word == "status");
                return;
            case "use":
                var node = line[3..].Trim();
                var members = Members();
                if (!members.ContainsKey(node)) Fail($"'{node}' is not an Up node member; the members: {string.Join(", ", members.Keys)}");
                else _node = node;
                return;
            case "help":
                _output.WriteLine("nodes | status | use NODE | (at NODE admin:) a platform CLI line, e.g. utils service list | exit");
                return;
        }

        if (SimOnly.Contains(word))
        {
            Fail($"'{word}' is not available on a live deployment: virtual time, faults and recordings belong to `impsim live` (its scenario's steps and faults)");
            return;
        }

        if (_node is null)
        {
            Fail($"unknown command '{word}' (type `use NODE` first to send platform CLI lines; `help`)");
            return;
        }

        var reply = Ask<CliOutput>(Members()[_node], new RunCli(_node, line));
        if (!reply.Answered) Fail(reply.Output);
        else _output.Write(reply.Output.EndsWith('\n') ? reply.Output : reply.Output + Environment.NewLine);
    }

    private void Nodes(bool summary)
    {
        var members = Members();
        var rows = members.Select(m => (Name: m.Key, Status: Ask<NodeStatusReport>(m.Value, new GetNodeStatus()))).ToArray();
        if (summary)
        {
            var clock = rows.Length == 0 ? "-" : new Domain.Time.SimInstant(rows[0].Status.ClockTicks - rows[0].Status.SkewTicks).ToString();
            _output.WriteLine($"live deployment: {rows.Length} node members Up | run clock {clock} | in use: {_node ?? "none"}");
        }

        foreach (var (name, s) in rows)
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-14} cluster {s.Cluster,-10} incarnation {s.Incarnation,-3} skew {Domain.Time.DurationText.Format(TimeSpan.FromTicks(s.SkewTicks)),-8} sent {s.Sent}, dropped {s.Dropped}, disk writes {s.DurableWrites}"));
    }

    private Dictionary<string, Address> Members()
    {
        var list = Ask<MemberList>(_entry, new ListMembers());
        return list.Nodes.Zip(list.Addresses).ToDictionary(p => p.First, p => Address.Parse(p.Second), StringComparer.Ordinal);
    }

    private T Ask<T>(Address address, object message) =>
        _system.ActorSelection(new RootActorPath(address) / "user" / LiveControl.Name).Ask<T>(message, AskTimeout).GetAwaiter().GetResult();

    private void Fail(string message)
    {
        _failed = true;
        _error.WriteLine("impsim shell: " + message);
    }

    private static bool IsNoAnswer(Exception e) => e is AskTimeoutException or TaskCanceledException or ActorNotFoundException or InvalidCastException;

    public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(5));
}
