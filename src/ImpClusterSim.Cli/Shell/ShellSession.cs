using System.Globalization;
using ImpClusterSim.Domain.Banner;
using ImpClusterSim.Domain.Cli;
using ImpClusterSim.Domain.Time;
using ImpClusterSim.Node.Ports;
using ImpClusterSim.Node.Runtime;
using ImpClusterSim.Scenarios.Language;
using ImpClusterSim.Simulation;
using ImpClusterSim.Simulation.Network;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// An interactive console on a simulated deployment (docs/shell.md): list nodes, log in to one (<c>use NODE</c>, its
/// login banner and <c>admin:</c> prompt) and type platform CLI lines to it; move virtual time (<c>advance 10m</c>) and
/// see what happened; inject faults (partition, heal, crash, restart, skew); look at status and peers; save what was
/// done as a scenario. Reads lines until <c>exit</c> or the end of the input; an error is printed (on the error
/// writer, starting with <c>error:</c>; in a script with its line number) and the session goes on, and a session that
/// did not read from a terminal ends with exit code 1 when a line failed. Everything runs on the calling thread, in
/// virtual time.
/// </summary>
public sealed class ShellSession : IDisposable
{
    private const string ShellPrompt = "impsim> ";

    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly ShellSettings _settings;
    private readonly List<TraceEvent> _pending = [];
    private readonly ShellEventPrinter _printer;
    private readonly ShellRecording _recording = new();
    private readonly HashSet<string> _faultIds = new(StringComparer.Ordinal);
    private string? _node;
    private PendingQuestion? _question;
    private int _lineNumber;

    /// <summary>
    /// A session on <paramref name="settings"/>' deployment; what it prints goes to <paramref name="output"/>, its errors to
    /// <paramref name="error"/> (default: the output).
    /// </summary>
    public ShellSession(TextReader input, TextWriter output, ShellSettings settings, TextWriter? error = null)
    {
        _input = input;
        _output = output;
        _error = error ?? output;
        _settings = settings;
        Simulation = PlatformDeployment.CreateRun(settings.Topology, settings.Seed);
        PlatformDeployment.AddTo(Simulation, settings.Topology);
        Simulation.Trace.AddObserver(_pending.Add);
        _printer = new ShellEventPrinter(Simulation.Options.Start, output);
        Simulation.StartAll();
    }

    /// <summary>The run the session plays on.</summary>
    public SimulationRun Simulation { get; }

    /// <summary>Virtual time since the session started.</summary>
    public TimeSpan Elapsed => Simulation.Now - Simulation.Options.Start;

    /// <summary>The node in use (its <c>admin:</c> prompt), or null at the shell's own prompt.</summary>
    public string? CurrentNode => _node;

    /// <summary>How many lines failed: a mistake (<c>error:</c>), or a CLI line the node refused or could not answer.</summary>
    public int Failures { get; private set; }

    /// <summary>
    /// What the next line is read after: a question the node asked (<c>Do you want to continue (yes/no)? </c>), the
    /// node's <c>admin:</c>, or <c>impsim> </c>.
    /// </summary>
    public string Prompt => _question?.Prompt ?? (_node is null ? ShellPrompt : CliText.Prompt);

    /// <summary>
    /// Reads and runs the input's lines (the transcript form: prompt, then the line when echoing) until <c>exit</c> or
    /// its end; returns the exit code: 1 when a line failed and the input is not a terminal (echoing), else 0.
    /// </summary>
    public int Run() => Run(new ReaderLines(_input, _output, _settings.Echo));

    /// <summary>Reads and runs lines from <paramref name="lines"/>; the exit code as <see cref="Run()"/>.</summary>
    public int Run(IShellLines lines)
    {
        _output.WriteLine($"ImpClusterSim shell on '{_settings.TopologyReference}' ({Simulation.Nodes.Count} nodes), seed {_settings.Seed.ToString(CultureInfo.InvariantCulture)}. Type 'help' for commands.");
        PrintEvents();
        while (true)
        {
            var line = lines.Read(Prompt, Completion);
            if (line is null)
            {
                _output.WriteLine();
                break;
            }
            _lineNumber++;
            if (!Execute(line)) break;
        }
        _output.Flush();
        _error.Flush();
        return Failures > 0 && _settings.Echo ? 1 : 0;
    }

    /// <summary>The names tab completion offers now (taken on the simulation's thread, before the line is read).</summary>
    public ShellCompletion Completion()
    {
        var topology = _settings.Topology;
        var services = _node is null ? [] : Simulation.Operator.Request<ServicesSnapshot>(_node, r => new QueryServices(r))?.Services.Definitions.Select(d => d.Name).ToArray() ?? [];
        return new ShellCompletion(
            [.. Simulation.Nodes.Select(n => n.Name)],
            [.. topology.CucmClusters.Select(c => c.Name).Concat(topology.ImpClusters.Select(c => c.Name))],
            [.. topology.ImpClusters.Select(c => c.Name)],
            services,
            _node is not null);
    }

    /// <summary>Runs one line; false when it ends the session.</summary>
    public bool Execute(string line)
    {
        if (_question is { } question)
        {
            Guarded(() => Answer(question, line));
            PrintEvents();
            return true;
        }
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return true;
        if (line.TrimEnd().EndsWith('?'))
        {
            Guarded(() => Options(line.TrimEnd()[..^1]));
            return true;
        }
        var command = words[0].ToLowerInvariant();
        var args = words[1..];
        var ended = false;
        Guarded(() =>
        {
            switch (command)
            {
                case "exit" or "quit" when _node is not null:
                    _output.WriteLine($"logged out of {_node}");
                    _node = null;
                    return;
                case "exit" or "quit":
                    ended = true;
                    return;
                case "help": Help(); break;
                case "nodes": Nodes(); break;
                case "use": Use(Arity(args, 1, "use NODE")[0]); break;
                case "advance": Advance(Arity(args, 1, "advance DURATION")[0]); break;
                case "partition": Partition(args); break;
                case "heal": Heal(args.Length == 0 ? null : Arity(args, 1, "heal [ID]")[0]); break;
                case "crash": Crash(Arity(args, 1, "crash NODE")[0]); break;
                case "restart": Restart(Arity(args, 1, "restart NODE")[0]); break;
                case "skew": Skew(Arity(args, 2, "skew NODE OFFSET")); break;
                case "status": Status(); break;
                case "peers": Peers(); break;
                case "peer": Peer(Arity(args, 2, "peer CLUSTER CLUSTER")); break;
                case "save": Save(Arity(args, 1, "save FILE")[0]); break;
                default:
                    if (_node is null)
                        throw new ShellError($"unknown command '{words[0]}'{Domain.Text.Spelling.DidYouMean(words[0], ShellHelp.SimulatorCommandNames)}; type 'help' for the commands, or 'use NODE' to type CLI commands on a node");
                    Cli(line.Trim());
                    break;
            }
        });
        if (ended) return false;
        PrintEvents();
        return true;
    }

    /// <summary>Runs one line's work; a mistake or a refusal is one <c>error:</c> line and the session goes on.</summary>
    private void Guarded(Action work)
    {
        try
        {
            work();
        }
        catch (ShellError e)
        {
            Fail(e.Message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // The simulator refused the operation (e.g. a partition it cannot make): say so and go on.
            Fail(e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The shell never dies on a line: a defect is one line, and the session (and its recording) goes on.
            Fail($"internal error on this line ({e.GetType().Name}: {e.Message}); the session goes on");
        }
    }

    /// <summary>A failed line: counted; <c>error: [SCRIPT:LINE: ]message</c> on the error writer unless <paramref name="quiet"/>.</summary>
    private void Fail(string message, bool quiet = false)
    {
        Failures++;
        if (quiet) return;
        _output.Flush();
        var where = _settings.Script is { } script ? $"{script}:{_lineNumber.ToString(CultureInfo.InvariantCulture)}: " : "";
        _error.WriteLine($"error: {where}{message}");
        _error.Flush();
    }

    /// <summary>The scenario of what was typed so far (docs/scenarios.md), named <paramref name="name"/>.</summary>
    public string ScenarioYaml(string name) => _recording.ToYaml(name, _settings, Elapsed);

    /// <summary>Writes <see cref="ScenarioYaml"/> to <paramref name="path"/>, named after the file.</summary>
    public void SaveScenario(string path) =>
        File.WriteAllText(path, ScenarioYaml(Path.GetFileNameWithoutExtension(path)));

    public void Dispose() => Simulation.Dispose();

    private void PrintEvents(bool folded = false)
    {
        var events = _pending.ToArray();
        _pending.Clear();
        _printer.Print(events, folded);
    }

    private static string[] Arity(string[] args, int count, string usage) =>
        args.Length == count ? args : throw new ShellError($"usage: {usage}");

    private void Help() => _output.WriteLine(ShellHelp.Text);

    /// <summary><c>WORDS ?</c>: as on the platform, the commands that begin with the words typed (how they go on).</summary>
    private void Options(string typed)
    {
        var matching = ShellHelp.Matching(typed, _node is not null);
        if (matching.Count == 0)
            throw new ShellError(typed.Trim().Length == 0 ? "no commands" : $"no command begins with '{typed.Trim()}'; 'help' lists them all");
        foreach (var line in matching) _output.WriteLine(line);
    }

    private void Nodes()
    {
        foreach (var spec in _settings.Topology.Nodes)
        {
            var node = Simulation[spec.Name];
            var skew = node.Skew == TimeSpan.Zero ? "" : $"  clock {ShellRecording.Signed(node.Skew)}";
            _output.WriteLine($"  {spec.Name,-14} {node.Cluster,-10} {(spec.IsImp ? "IM&P" : "CUCM"),-5} {(spec.IsPublisher ? "publisher" : "subscriber"),-11} {(node.IsUp ? "up" : "down")}{skew}");
        }
    }

    private string NodeName(string name) =>
        Simulation.TryGetNode(name, out _) ? name
        : throw new ShellError($"unknown node '{name}'; nodes: {string.Join(", ", Simulation.Nodes.Select(n => n.Name))}");

    private void Use(string name)
    {
        var node = NodeName(name);
        var page = Simulation.Operator.Request<LoginPage>(node, r => new OpenLoginPage(LoginInterface.AdminCli, LoginPhase.BeforeLogin, r));
        if (page is null) throw new ShellError($"{node} is down: no login (restart it with 'restart {node}')");
        if (page.Banner is { } banner) _output.WriteLine(banner);
        _output.WriteLine($"logged in to {node} (admin CLI); 'exit' logs out");
        _node = node;
    }

    private void Cli(string line)
    {
        var node = _node!;
        var at = Elapsed;
        var reply = Simulation.Operator.Request<CliReply>(node, r => new CliRequest(line, r));
        if (reply is null)
        {
            _recording.Comment(at, node, line, "had no answer (the node was down)");
            throw new ShellError($"no answer: {node} is down");
        }
        if (Ask(new PendingQuestion(node, line, at, ""), reply.Output)) return;
        if (reply.Output.Length > 0) _output.WriteLine(reply.Output);
        if (Refusal(reply.Output) is { } refusal)
        {
            _recording.Comment(at, node, line, $"was refused ({refusal})");
            // The node's own answer is above; a script also says it on the error stream.
            Fail($"{node} refused '{line}': {refusal}", quiet: !_settings.Echo);
            return;
        }
        _recording.Cli(at, node, line);
        WaitForService(node, line);
    }

    /// <summary>
    /// When <paramref name="output"/> ends with a yes/no question (FIPS mode, certificate regeneration), prints what
    /// comes before it and asks it in place: the question is the next prompt, and the next line is the answer.
    /// </summary>
    private bool Ask(PendingQuestion question, string output)
    {
        var end = output.TrimEnd();
        if (!end.EndsWith("(yes/no)?", StringComparison.Ordinal) && !end.EndsWith("(yes|no)?", StringComparison.Ordinal)) return false;
        var cut = end.LastIndexOf('\n');
        if (cut > 0) _output.WriteLine(end[..cut]);
        _question = question with { Prompt = end[(cut + 1)..] + " " };
        return true;
    }

    /// <summary>The answer to a question the node asked: yes records the question's line as a step, no as a comment.</summary>
    private void Answer(PendingQuestion question, string line)
    {
        _question = null;
        var reply = Simulation.Operator.Request<CliReply>(question.Node, r => new CliRequest(line, r));
        if (reply is null)
        {
            _recording.Comment(question.At, question.Node, question.Line, "had no answer (the node went down)");
            throw new ShellError($"no answer: {question.Node} is down");
        }
        if (Ask(question, reply.Output)) return; // neither yes nor no: asked again
        if (reply.Output.Length > 0) _output.WriteLine(reply.Output);
        if (CliParser.ParseYesNo(line) == true)
        {
            _recording.Cli(question.At, question.Node, question.Line);
        }
        else
        {
            _recording.Comment(question.At, question.Node, question.Line, $"was answered '{line.Trim()}'");
        }
    }

    /// <summary>The line of a CLI reply that says the command was refused, or null when it was not.</summary>
    private static string? Refusal(string output)
    {
        if (!output.Contains(CliText.ExecutedUnsuccessfully, StringComparison.Ordinal)) return null;
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? CliText.ExecutedUnsuccessfully;
    }

    /// <summary>A yes/no question a node asked and the shell is waiting to have answered.</summary>
    private sealed record PendingQuestion(string Node, string Line, TimeSpan At, string Prompt);

    /// <summary>
    /// As the real <c>utils service start|stop|restart</c> blocks until the service is done, printing each status it
    /// reaches: virtual time passes (up to <see cref="ServiceWaitLimit"/>) until the service is Started (start,
    /// restart) or Stopped (stop), and each status is printed at the instant it is reached.
    /// </summary>
    private void WaitForService(string node, string line)
    {
        var services = Simulation.Operator.Request<ServicesSnapshot>(node, r => new QueryServices(r))?.Services;
        if (services is null || CliParser.Parse(line, services.Definitions.Select(d => d.Name)).Command is not ServiceControlCommand c) return;
        var name = services.Find(c.Service)?.Name;
        if (name is null) return;
        var target = c.Action == Domain.Cli.ServiceAction.Stop ? Domain.Services.ServiceStatus.Stopped : Domain.Services.ServiceStatus.Started;
        var last = services.StatusOf(name);
        if (last == target || last is Domain.Services.ServiceStatus.Stopped or Domain.Services.ServiceStatus.Started) return; // not accepted
        var settled = Simulation.Operator.AdvanceUntil(() =>
        {
            var now = Simulation.Operator.Request<ServicesSnapshot>(node, r => new QueryServices(r))?.Services.StatusOf(name);
            if (now is null) return true; // the node went down
            if (now != last && !(c.Action == Domain.Cli.ServiceAction.Restart && now == Domain.Services.ServiceStatus.Stopped))
                _output.WriteLine(ServiceOutput.Progress(name, now.Value));
            last = now.Value;
            return now == target;
        }, ServiceWaitLimit);
        if (!settled) _output.WriteLine($"{name} has not reached {target.ToString().ToUpperInvariant()} within {DurationText.Format(ServiceWaitLimit)}; the command returns");
        _output.WriteLine($"now +{DurationText.Format(Elapsed)}");
    }

    /// <summary>How long (virtual time) the shell waits for a service command to finish.</summary>
    private static readonly TimeSpan ServiceWaitLimit = TimeSpan.FromMinutes(30);

    private void Advance(string text)
    {
        if (!ValueText.TryDuration("advance", text, ValueRanges.Horizon, out var duration, out var error))
            throw new ShellError(DurationText.IsWellFormed(text) ? error : $"'{text}' is not a duration; write it like 90s, 10m, 1h30m or 2d");
        if (Elapsed + duration > ValueRanges.MaxHorizon)
            throw new ShellError($"advancing {DurationText.Format(duration)} from +{DurationText.Format(Elapsed)} goes past the longest horizon, {DurationText.Format(ValueRanges.MaxHorizon)} of virtual time in a session");
        RunWithProgress(duration);
        PrintEvents(folded: true);
        _output.WriteLine($"now +{DurationText.Format(Elapsed)}");
    }

    /// <summary>
    /// Moves virtual time; on a terminal, a long advance (over a virtual day) goes in hundredths and shows how far it
    /// is on one line. Stepping changes nothing in the run: the loop stops between clock items either way.
    /// </summary>
    private void RunWithProgress(TimeSpan duration)
    {
        var terminal = ReferenceEquals(_output, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal || duration <= TimeSpan.FromDays(1))
        {
            Simulation.RunFor(duration);
            return;
        }

        var end = Simulation.Now + duration;
        var step = TimeSpan.FromTicks(duration.Ticks / 100);
        for (var i = 1; i < 100; i++)
        {
            Simulation.RunUntil(Simulation.Options.Start + (Elapsed + step));
            _output.Write(FormattableString.Invariant($"\radvancing: {i}% of {DurationText.Format(duration)}   "));
            _output.Flush();
        }

        Simulation.RunUntil(end);
        _output.Write("\r" + new string(' ', 40) + "\r");
    }

    private string[] Side(string name)
    {
        if (Simulation.TryGetNode(name, out _)) return [name];
        var nodes = _settings.Topology.CucmClusters.Where(c => c.Name == name).SelectMany(c => c.Nodes)
            .Concat(_settings.Topology.ImpClusters.Where(c => c.Name == name).SelectMany(c => c.Nodes))
            .Select(n => n.Name).ToArray();
        if (nodes.Length > 0) return nodes;
        var clusters = _settings.Topology.CucmClusters.Select(c => c.Name).Concat(_settings.Topology.ImpClusters.Select(c => c.Name));
        throw new ShellError($"unknown node or cluster '{name}'; clusters: {string.Join(", ", clusters)}; 'nodes' lists the nodes");
    }

    private void Partition(string[] args)
    {
        var oneWay = args.Contains("--one-way", StringComparer.Ordinal);
        var names = args.Where(a => a != "--one-way").ToArray();
        if (names.Length != 2) throw new ShellError("usage: partition A B [--one-way] (A and B are nodes or clusters)");
        var (a, b) = (Side(names[0]), Side(names[1]));
        if (a.Intersect(b).Any()) throw new ShellError($"'{names[0]}' and '{names[1]}' overlap: a partition needs two separate sides");
        var id = $"{names[0]}|{names[1]}";
        for (var n = 2; _faultIds.Contains(id); n++) id = $"{names[0]}|{names[1]}#{n}";
        Simulation.Network.StartPartition(id, a, b, oneWay ? PartitionDirection.OneWay : PartitionDirection.BothWays);
        _faultIds.Add(id);
        _recording.Partition(Elapsed, id, names[0], names[1], oneWay);
        _output.WriteLine($"partition '{id}' in force ({(oneWay ? $"one way: {names[0]} cannot reach {names[1]}" : "both ways")}); 'heal {id}' ends it");
    }

    private void Heal(string? id)
    {
        if (id is null)
        {
            var healed = Simulation.Network.HealAll();
            if (healed == 0) throw new ShellError("no partition is in force");
            _recording.Heal(Elapsed, null);
            return;
        }
        if (!Simulation.Network.Heal(id))
        {
            var active = Simulation.Network.ActivePartitions.Select(p => p.Id).ToList();
            throw new ShellError($"no partition '{id}' is in force; {(active.Count == 0 ? "none is" : "in force: " + string.Join(", ", active))}");
        }
        _recording.Heal(Elapsed, id);
    }

    private void Crash(string name)
    {
        var node = Simulation[NodeName(name)];
        if (!node.IsUp) throw new ShellError($"{node.Name} is already down");
        node.Crash();
        _question = null;
        if (_node == node.Name) LogOutOf(node.Name);
        _recording.Crash(Elapsed, node.Name);
    }

    private void Restart(string name)
    {
        var node = Simulation[NodeName(name)];
        node.Restart();
        _question = null;
        if (_node == node.Name) LogOutOf(node.Name);
        _recording.Restart(Elapsed, node.Name);
    }

    private void LogOutOf(string node)
    {
        _output.WriteLine($"the session on {node} is gone with it: back at the shell prompt");
        _node = null;
    }

    private void Skew(string[] args)
    {
        var node = NodeName(args[0]);
        var text = args[1];
        if (!ValueText.TrySignedDuration("offset", text, ValueRanges.ClockSkew, out var offset, out var error))
            throw new ShellError(DurationText.IsWellFormed(text.TrimStart('+', '-')) ? error : $"'{text}' is not an offset; write it like -2h (behind), +30m or 400d (ahead)");
        Simulation.SetSkew(node, offset);
        _recording.Skew(Elapsed, node, offset);
    }

    private void Status()
    {
        var down = Simulation.Nodes.Where(n => !n.IsUp).Select(n => n.Name).ToList();
        _output.WriteLine($"virtual time +{DurationText.Format(Elapsed)} ({Simulation.Now}), seed {_settings.Seed.ToString(CultureInfo.InvariantCulture)}, topology '{_settings.TopologyReference}'");
        _output.WriteLine($"nodes up {Simulation.Nodes.Count - down.Count}/{Simulation.Nodes.Count}{(down.Count == 0 ? "" : "; down: " + string.Join(", ", down))}");
        var partitions = Simulation.Network.ActivePartitions;
        _output.WriteLine(partitions.Count == 0 ? "partitions: none"
            : "partitions: " + string.Join("; ", partitions.Select(p => $"{p.Id} ({(p.Direction == PartitionDirection.OneWay ? "one way" : "both ways")})")));
        foreach (var skewed in Simulation.Nodes.Where(n => n.Skew != TimeSpan.Zero))
            _output.WriteLine($"clock of {skewed.Name}: {ShellRecording.Signed(skewed.Skew)}");
        _output.WriteLine(_node is null ? "logged in to: none" : $"logged in to: {_node}");
    }

    /// <summary>
    /// Presence &gt; Inter-Clustering &gt; Add New on both publishers (TLS, the intercluster application user): what an
    /// administrator does in the GUI, which has no CLI of its own.
    /// </summary>
    private void Peer(string[] clusters)
    {
        var found = clusters.Select(c => _settings.Topology.ImpClusters.FirstOrDefault(x => x.Name == c)
            ?? throw new ShellError($"'{c}' is not an IM&P cluster; clusters: {string.Join(", ", _settings.Topology.ImpClusters.Select(x => x.Name))}")).ToArray();
        if (found[0] == found[1]) throw new ShellError("a cluster is not its own peer");
        foreach (var (local, remote) in new[] { (found[0], found[1]), (found[1], found[0]) })
        {
            var entry = new Domain.Intercluster.InterclusterPeer(remote.Publisher.Fqdn, InterclusterApplicationUser.Username,
                InterclusterApplicationUser.Password, Domain.Intercluster.PeerProtocol.Tls);
            var reply = Simulation.Operator.Request<AdminReply>(local.Publisher.Name, r => new InterclusterOperation(new Domain.Intercluster.AddPeer(entry), r));
            _output.WriteLine($"{local.Publisher.Name}: {(reply is null ? "no answer (the node is down)" : string.Join(" ", reply.Messages))}");
            if (reply is { Accepted: true }) _recording.AddPeer(Elapsed, local.Name, remote.Name);
        }
    }

    private void Peers()
    {
        foreach (var cluster in _settings.Topology.ImpClusters)
        {
            var publisher = cluster.Publisher.Name;
            var snapshot = Simulation.Operator.Request<PeerStatusSnapshot>(publisher, r => new QueryPeerStatus(r));
            if (snapshot is null)
            {
                _output.WriteLine($"{publisher}: no answer");
                continue;
            }
            _output.WriteLine($"{publisher}:");
            foreach (var line in snapshot.Panel.Render().Split('\n')) _output.WriteLine("  " + line);
        }
    }

    private void Save(string path)
    {
        try
        {
            SaveScenario(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new ShellError($"cannot write '{path}': {e.Message}");
        }
        _output.WriteLine($"saved {_recording.Steps} steps and {_recording.Faults} faults to {path}");
    }

    /// <summary>A mistake in what was typed: printed, and the session goes on.</summary>
    private sealed class ShellError(string message) : Exception(message);
}
