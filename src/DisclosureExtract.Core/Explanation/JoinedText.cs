using System.Buffers;
using System.Text.RegularExpressions;
using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Lines joined into one string so that sentences wrapped over lines can be matched, with a map from
/// every character back to its source line. White space and markdown emphasis are dropped; each
/// character is folded on its own (NFKC: full-width digits and punctuation to ASCII) into <see cref="Text"/>,
/// while <see cref="Printed"/> keeps the printed character at the same offset, so names keep their printed form.
/// </summary>
public sealed partial class JoinedText
{
    /// <summary>Where each run of characters from one source line starts (ascending), and that line's index.</summary>
    private readonly LineRun[] _runs;

    [GeneratedRegex(@"^\s*(?:[-－—–]\s*\d{1,3}\s*[-－—–]?|\d{1,3}\s*[-－—–])\s*$")]
    private static partial Regex DashedPageNumber();

    /// <summary>The offsets (ascending) where the printed character differs from the folded one, and those printed characters.</summary>
    private readonly int[] _foldedAt;
    private readonly char[] _printedAt;
    private string? _printed;

    private JoinedText(string text, int[] foldedAt, char[] printedAt, LineRun[] runs)
    {
        Text = text;
        _foldedAt = foldedAt;
        _printedAt = printedAt;
        _printed = foldedAt.Length == 0 ? text : null;
        _runs = runs;
    }

    private readonly record struct LineRun(int Start, int Line);

    /// <summary>The folded text used for matching.</summary>
    public string Text { get; }

    /// <summary>The printed characters, offset for offset with <see cref="Text"/> (made when first asked for: most callers want a span).</summary>
    public string Printed => _printed ??= string.Create(Length, this, static (span, t) => t.CopyPrinted(0, span));

    /// <summary>The printed characters from an offset: the folded ones with the printed ones put back where folding changed them.</summary>
    private void CopyPrinted(int start, Span<char> destination)
    {
        Text.AsSpan(start, destination.Length).CopyTo(destination);
        var p = Array.BinarySearch(_foldedAt, start);
        for (p = p < 0 ? ~p : p; p < _foldedAt.Length && _foldedAt[p] < start + destination.Length; p++)
        {
            destination[_foldedAt[p] - start] = _printedAt[p];
        }
    }

    public int Length => Text.Length;

    public static JoinedText Of(IEnumerable<DocLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines as IReadOnlyList<DocLine> ?? [.. lines];
        return Of(list, 0, list.Count);
    }

    /// <summary>The lines [start, end) of a list joined (no copy of the range).</summary>
    public static JoinedText Of(IReadOnlyList<DocLine> lines, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var capacity = 0;
        for (var i = start; i < end; i++)
        {
            capacity += lines[i].Text.Length;
        }

        // one pass into scratch buffers as long as all the lines; the kept characters are copied out, and the printed ones
        // only where folding changed them
        var text = ArrayPool<char>.Shared.Rent(capacity);
        var foldedAt = ArrayPool<int>.Shared.Rent(capacity);
        var printedAt = ArrayPool<char>.Shared.Rent(capacity);
        var runs = ArrayPool<LineRun>.Shared.Rent(Math.Max(end - start, 1));
        try
        {
            var k = 0;
            var r = 0;
            var d = 0;
            for (var i = start; i < end; i++)
            {
                var line = lines[i];
                if (IsPageNumber(line.Text))
                {
                    continue; // "- 16 -" (the reader may have taken the first dash for a list bullet): a page number
                }

                var lineStart = k;
                foreach (var c in line.Text)
                {
                    if (c is (> ' ' and < '\u007F' and not '*') or (>= '\u3016' and <= '\uFF00'))
                    {
                        // printable ASCII, ideographs and most other non-Latin text: neither white space nor folded (the look-ups below are skipped)
                        text[k++] = c;
                        continue;
                    }

                    if (char.IsWhiteSpace(c) || c == '\u3000' || c == '*')
                    {
                        continue;
                    }

                    var f = Fold(c);
                    if (f != c)
                    {
                        foldedAt[d] = k;
                        printedAt[d++] = c;
                    }

                    text[k++] = f;
                }

                if (k > lineStart)
                {
                    runs[r++] = new LineRun(lineStart, line.Index);
                }
            }

            return new JoinedText(new string(text, 0, k), foldedAt.AsSpan(0, d).ToArray(), printedAt.AsSpan(0, d).ToArray(), runs.AsSpan(0, r).ToArray());
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
            ArrayPool<int>.Shared.Return(foldedAt);
            ArrayPool<char>.Shared.Return(printedAt);
            ArrayPool<LineRun>.Shared.Return(runs);
        }
    }

    /// <summary>A page number line; the pattern starts (after white space) with a dash or a digit, tested before the pattern runs.</summary>
    private static bool IsPageNumber(string text)
    {
        var head = text.AsSpan().TrimStart();
        if (head.Length == 0 || !(char.IsDigit(head[0]) || head[0] is '-' or '－' or '—' or '–'))
        {
            return false;
        }

        return DashedPageNumber().IsMatch(text);
    }

    /// <summary>The source line index of the character at the offset (clamped).</summary>
    public int LineAt(int offset) => Length == 0 ? 0 : _runs[RunAt(Math.Clamp(offset, 0, Length - 1))].Line;

    /// <summary>The run holding the offset (0 ≤ offset &lt; Length): the last run starting at or before it.</summary>
    private int RunAt(int offset)
    {
        int lo = 0, hi = _runs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_runs[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The printed text of a span, trimmed of separators at both ends.</summary>
    public string PrintedSpan(int start, int length)
    {
        start = Math.Clamp(start, 0, Length);
        length = Math.Clamp(length, 0, Length - start);
        if (_printed is not null)
        {
            return _printed.AsSpan(start, length).Trim(Separators).ToString();
        }

        var rented = length > 256 ? ArrayPool<char>.Shared.Rent(length) : null;
        try
        {
            var buffer = rented is null ? stackalloc char[length] : rented.AsSpan(0, length);
            CopyPrinted(start, buffer);
            return ((ReadOnlySpan<char>)buffer).Trim(Separators).ToString();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The separators <see cref="PrintedSpan"/> trims (one array, not one per call).</summary>
    private static readonly char[] Separators = ['，', '。', '；', '：', ',', ';', ':', '、', '.'];

    /// <summary>A part of this text (offsets relative to the new text).</summary>
    public JoinedText Slice(int start, int length)
    {
        start = Math.Clamp(start, 0, Length);
        length = Math.Clamp(length, 0, Length - start);
        if (length == 0)
        {
            return new JoinedText(string.Empty, [], [], []);
        }

        var runs = new List<LineRun>();
        for (var r = RunAt(start); r < _runs.Length && _runs[r].Start < start + length; r++)
        {
            runs.Add(new LineRun(Math.Max(_runs[r].Start - start, 0), _runs[r].Line));
        }

        // the differences inside the part, shifted to its offsets
        var from = Array.BinarySearch(_foldedAt, start);
        from = from < 0 ? ~from : from;
        var to = Array.BinarySearch(_foldedAt, start + length);
        to = to < 0 ? ~to : to;
        var at = new int[to - from];
        for (var p = from; p < to; p++)
        {
            at[p - from] = _foldedAt[p] - start;
        }

        return new JoinedText(Text.Substring(start, length), at, _printedAt[from..to], [.. runs]);
    }

    /// <summary>NFKC of one character when it stays one character (full-width to ASCII); otherwise the character itself.</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        switch (c)
        {
            case '〔':
            case '【':
                return '[';
            case '〕':
            case '】':
                return ']';
            case '—':
            case '－':
                return '-';
        }

        // full-width ASCII forms; ideographs and other characters are kept (NFKC per character through ICU cost most of the time here)
        return c switch
        {
            >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
            '\u3000' or '\u00A0' => ' ',
            _ => c,
        };
    }
}
