using RadLine;
using Spectre.Console;

namespace ImpClusterSim.Cli.Shell;

/// <summary>
/// Lines typed at a terminal, with line editing by RadLine (the Spectre.Console authors' line editor): the arrow keys,
/// Home/End, Backspace/Delete and word moves edit the line; Up/Down walk the session's history; Tab completes the word
/// at the cursor from <see cref="ShellCompletion"/> (press again for the next candidate); Ctrl+D on an empty line ends
/// the input as end-of-file does. Used when standard input and output are a terminal (docs/shell.md, "Typing").
/// </summary>
public sealed class EditorLines : IShellLines
{
    private readonly LineEditor _editor;
    private readonly Completer _completer = new();
    private readonly EndOfInput _end = new();
    private readonly SessionPrompt _prompt = new();

    /// <param name="console">Where the prompt and the line are drawn.</param>
    /// <param name="keys">Where the keys come from; null: the console's keyboard.</param>
    public EditorLines(IAnsiConsole console, IInputSource? keys = null)
    {
        _editor = new LineEditor(console, keys) { Completion = _completer, Prompt = _prompt };
        _editor.KeyBindings.Add(ConsoleKey.D, ConsoleModifiers.Control, () => new EndOfInputCommand(_end));
        // One line at a time, as a shell: Up and Down walk the history (RadLine's default keeps them for multi-line moves).
        _editor.KeyBindings.Add(ConsoleKey.UpArrow, () => new PreviousHistoryCommand());
        _editor.KeyBindings.Add(ConsoleKey.DownArrow, () => new NextHistoryCommand());
    }

    /// <summary>True when <paramref name="console"/> can host the editor (an interactive terminal with ANSI).</summary>
    public static bool Supported(IAnsiConsole console) => LineEditor.IsSupported(console);

    /// <summary>The lines entered so far, oldest first, as Up walks them back.</summary>
    public int HistoryCount => _editor.History.Count;

    /// <inheritdoc />
    public string? Read(string prompt, Func<ShellCompletion> completion)
    {
        _completer.Names = completion();
        _end.Reached = false;
        _prompt.Text = prompt.TrimEnd();
        var line = _editor.ReadLine(CancellationToken.None).GetAwaiter().GetResult();
        if (_end.Reached || line is null) return null;
        if (!string.IsNullOrWhiteSpace(line)) _editor.History.Add(line);
        return line;
    }

    /// <summary>RadLine's completion over the names the session offered for this line.</summary>
    private sealed class Completer : ITextCompletion
    {
        public ShellCompletion? Names { get; set; }

        public IEnumerable<string>? GetCompletions(string context, string word, string suffix) =>
            Names?.Complete(context, word);
    }

    /// <summary>The session's prompt of the moment (<c>impsim&gt;</c>, <c>admin:</c> or a question), one space after it.</summary>
    private sealed class SessionPrompt : ILineEditorPrompt
    {
        public string Text { get; set; } = "";

        public (Markup Markup, int Margin) GetPrompt(ILineEditorState state, int line) => (new Markup(Markup.Escape(Text)), 1);
    }

    private sealed class EndOfInput
    {
        public bool Reached { get; set; }
    }

    /// <summary>Ctrl+D: on an empty line, end the input (as end-of-file); elsewhere, nothing.</summary>
    private sealed class EndOfInputCommand(EndOfInput end) : LineEditorCommand
    {
        public override void Execute(LineEditorContext context)
        {
            if (context.Buffer.Length != 0) return;
            end.Reached = true;
            context.Submit(SubmitAction.Submit);
        }
    }
}
