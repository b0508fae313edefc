using ImpClusterSim.Cli.Shell;
using RadLine;
using Spectre.Console;

namespace ImpClusterSim.Cli.Tests.Shell;

/// <summary>
/// The shell's line editor (RadLine) driven by keys, without a terminal: editing keys change the line, Up brings back
/// an earlier line, Tab completes from the session's names, Ctrl+D on an empty line ends the input.
/// </summary>
public sealed class EditorLinesTests
{
    private static readonly ShellCompletion Names = new(["imp-a-pub", "imp-a-sub1", "cucm-pub"], ["cucm", "imp-a"], ["imp-a"], [], false);

    [Fact]
    public void Arrow_keys_move_inside_the_line_and_typing_inserts_there()
    {
        var keys = new Keys().Type("hlp").Press(ConsoleKey.LeftArrow).Press(ConsoleKey.LeftArrow).Type("e").Press(ConsoleKey.Enter);

        Assert.Equal("help", Editor(keys).Read("impsim> ", () => Names));
    }

    [Fact]
    public void Up_brings_back_the_previous_line()
    {
        var keys = new Keys().Type("advance 5m").Press(ConsoleKey.Enter).Press(ConsoleKey.UpArrow).Press(ConsoleKey.Enter);
        var editor = Editor(keys);

        Assert.Equal("advance 5m", editor.Read("impsim> ", () => Names));
        Assert.Equal("advance 5m", editor.Read("impsim> ", () => Names));
    }

    [Fact]
    public void Tab_completes_the_command_and_then_the_node_name()
    {
        var keys = new Keys().Type("us").Press(ConsoleKey.Tab).Type(" imp-a-p").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter);

        Assert.Equal("use imp-a-pub", Editor(keys).Read("impsim> ", () => Names));
    }

    [Fact]
    public void Ctrl_D_on_an_empty_line_ends_the_input_but_not_inside_a_line()
    {
        var keys = new Keys().Type("st").Press(ConsoleKey.D, ConsoleModifiers.Control).Type("atus").Press(ConsoleKey.Enter)
            .Press(ConsoleKey.D, ConsoleModifiers.Control);
        var editor = Editor(keys);

        Assert.Equal("status", editor.Read("impsim> ", () => Names));
        Assert.Null(editor.Read("impsim> ", () => Names));
    }

    [Fact]
    public void A_session_reads_its_lines_through_the_editor()
    {
        var keys = new Keys().Type("us").Press(ConsoleKey.Tab).Type(" imp-a-p").Press(ConsoleKey.Tab).Press(ConsoleKey.Enter)
            .Type("show network cluster").Press(ConsoleKey.Enter).Press(ConsoleKey.D, ConsoleModifiers.Control);
        var output = new StringWriter();
        using var session = new ShellSession(new StringReader(""), output, ShellSettings.Lab());

        var code = session.Run(Editor(keys));

        Assert.Equal(0, code);
        Assert.Equal("imp-a-pub", session.CurrentNode);
        Assert.Contains("imp-a-sub1", output.ToString(), StringComparison.Ordinal); // the cluster's nodes, as the CLI lists them
    }

    private static EditorLines Editor(Keys keys)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(new StringWriter()),
        });
        return new EditorLines(console, keys);
    }

    /// <summary>A keyboard that types what the test queued, then nothing.</summary>
    private sealed class Keys : IInputSource
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new();

        public bool ByPassProcessing => false;

        public Keys Type(string text)
        {
            foreach (var c in text) _keys.Enqueue(new ConsoleKeyInfo(c, KeyOf(c), false, false, false));
            return this;
        }

        public Keys Press(ConsoleKey key, ConsoleModifiers modifiers = 0)
        {
            _keys.Enqueue(new ConsoleKeyInfo(key == ConsoleKey.Enter ? '\r' : key == ConsoleKey.Tab ? '\t' : '\0', key,
                modifiers.HasFlag(ConsoleModifiers.Shift), modifiers.HasFlag(ConsoleModifiers.Alt), modifiers.HasFlag(ConsoleModifiers.Control)));
            return this;
        }

        public bool IsKeyAvailable() => _keys.Count > 0;

        public ConsoleKeyInfo ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : throw new InvalidOperationException("the test typed no more keys");

        private static ConsoleKey KeyOf(char c) => c switch
        {
            >= 'a' and <= 'z' => ConsoleKey.A + (c - 'a'),
            >= 'A' and <= 'Z' => ConsoleKey.A + (c - 'A'),
            >= '0' and <= '9' => ConsoleKey.D0 + (c - '0'),
            ' ' => ConsoleKey.Spacebar,
            '-' => ConsoleKey.OemMinus,
            _ => ConsoleKey.Oem1,
        };
    }
}
