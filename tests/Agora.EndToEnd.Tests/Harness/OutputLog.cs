namespace Agora.EndToEnd.Tests.Harness;

/// <summary>The last lines a child process wrote to one stream, kept for failure messages. Thread-safe.</summary>
internal sealed class OutputLog
{
    /// <summary>Lines kept; older ones are dropped.</summary>
    public const int LineCountMax = 300;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private int _droppedCount;

    /// <summary>Adds a line (null, the end of the stream, is ignored).</summary>
    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > LineCountMax)
            {
                _lines.Dequeue();
                _droppedCount++;
            }
        }
    }

    /// <summary>True when a kept line contains <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The kept lines, with a note of how many earlier ones were dropped.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            var dropped = _droppedCount > 0 ? $"[{_droppedCount} earlier lines dropped]{Environment.NewLine}" : string.Empty;
            return dropped + string.Join(Environment.NewLine, _lines);
        }
    }
}
