using System.Buffers;
using DisclosureExtract.Model;

namespace DisclosureExtract.Reading.Pdf;

/// <summary>
/// A table drawn with ruling lines. The rules give a fine grid (every distinct x of a vertical rule,
/// every distinct y of a horizontal rule); neighbouring grid cells with no rule between them are one
/// merged cell (a header spanning columns, a name spanning rows). Each grid row becomes one table row
/// whose cells sit in the grid column where they start, so column indices hold across the table.
/// A band without inner rules that holds several rows of numbers is split by its text lines.
/// </summary>
internal sealed class PdfRuledTable
{
    private const double Tolerance = 2.0;

    /// <summary>The characters that fold to the digits of a number: ASCII and full-width digits.</summary>
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789０１２３４５６７８９");

    private readonly PdfRule[] _horizontal;
    private readonly PdfRule[] _vertical;
    private readonly List<double> _xs;
    private readonly List<double> _ys;
    private List<int>? _lastRowMembers;

    private PdfRuledTable(List<PdfRule> rules, List<double> xs, List<double> ys)
    {
        _horizontal = ByPosition(rules, horizontal: true);
        _vertical = ByPosition(rules, horizontal: false);
        _xs = xs;
        _ys = ys;
    }

    public double Left => _xs[0];

    public double Right => _xs[^1];

    public double Top => _ys[0];

    public double Bottom => _ys[^1];

    /// <summary>x of every column edge, left to right (column c spans edges c and c+1).</summary>
    public IReadOnlyList<double> ColumnEdges => _xs;

    public int ColumnCount => _xs.Count - 1;

    /// <summary>After <see cref="Rows"/>: for each column, whether the last row's text there ends on a full line.</summary>
    public IReadOnlyList<bool>? LastRowFull { get; private set; }

    public bool Contains(PdfGlyph g) =>
        g.CenterX >= Left - 1 && g.CenterX <= Right + 1 && g.CenterY >= Bottom - 1 && g.CenterY <= Top + 1;

    public bool Overlaps(UglyToad.PdfPig.Core.PdfRectangle r) => r.Left < Right && r.Right > Left && r.Bottom < Top && r.Top > Bottom;

    /// <summary>Groups touching rules into tables; a group needs two rules in each direction and some size.</summary>
    public static List<PdfRuledTable> Find(List<PdfRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var tables = new List<PdfRuledTable>();
        if (rules.Count < 4 || rules.Count > 5000)
        {
            return tables; // no table, or a drawing rather than a table
        }

        // rules that touch overlap in x (within the tolerance): in order of their left ends, a rule is tested only against
        // those starting before its right end — the pairs of a page full of cell borders instead of all pairs
        var sets = new DisjointSets(rules.Count);
        var byLeft = Enumerable.Range(0, rules.Count).OrderBy(i => XMin(rules[i])).ToArray();
        for (var a = 0; a < byLeft.Length; a++)
        {
            var i = byLeft[a];
            var reach = XMax(rules[i]) + Tolerance + 1; // a margin over Touch's own test, whatever the rounding
            for (var b = a + 1; b < byLeft.Length && XMin(rules[byLeft[b]]) <= reach; b++)
            {
                if (Touch(rules[i], rules[byLeft[b]]))
                {
                    sets.Union(i, byLeft[b]);
                }
            }
        }

        foreach (var group in Enumerable.Range(0, rules.Count).GroupBy(sets.Find))
        {
            var members = group.Select(i => rules[i]).ToList();
            var hs = members.Where(r => r.Horizontal).ToList();
            var vs = members.Where(r => !r.Horizontal).ToList();
            if (hs.Count < 2 || vs.Count < 2)
            {
                continue;
            }

            var left = Math.Min(hs.Min(h => h.From), vs.Min(v => v.At));
            var right = Math.Max(hs.Max(h => h.To), vs.Max(v => v.At));
            var bottom = Math.Min(vs.Min(v => v.From), hs.Min(h => h.At));
            var top = Math.Max(vs.Max(v => v.To), hs.Max(h => h.At));
            if (right - left < 40 || top - bottom < 10)
            {
                continue;
            }

            var xs = Cluster(vs.Select(v => v.At).Append(left).Append(right));
            var ys = Cluster(hs.Select(h => h.At).Append(bottom).Append(top));
            ys.Reverse();
            if (xs.Count < 3 || ys.Count < 2)
            {
                continue; // a framed paragraph, not a table
            }

            tables.Add(new PdfRuledTable(members, xs, ys));
        }

        return tables;
    }

    /// <summary>The rows of the table from the glyphs inside it, top to bottom; rows without text are left out.</summary>
    public List<IReadOnlyList<TextCell>> Rows(IReadOnlyList<PdfGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var rowCount = _ys.Count - 1;
        var colCount = ColumnCount;
        _lastRowMembers = null;
        var cells = MergedCells(rowCount, colCount);
        var glyphCell = new int[glyphs.Count];
        var start = 0;
        while (start < glyphs.Count)
        {
            // a run the PDF draws in one go (each glyph where the one before ended) belongs to the cell of its
            // middle: a name that overflows its column edge by a glyph or two (the printout clips it there), or
            // a centred header wider than its cell, stays whole
            var end = start + 1;
            while (end < glyphs.Count && PdfTextLine.Continues(glyphs[end - 1], glyphs[end]))
            {
                end++;
            }

            var x = end - start > 1 ? (glyphs[start].Left + glyphs[end - 1].Right) / 2 : glyphs[start].CenterX;
            var c = ColumnOf(x);
            for (var i = start; i < end; i++)
            {
                glyphCell[i] = cells.Owner[(BandOf(glyphs[i].CenterY) * colCount) + c];
            }

            start = end;
        }

        // a cell with text spanning several bands joins them into one group (reach: the last band joined to
        // band r); an empty merged cell does not (a blank margin column without rules ties no rows)
        var reach = new int[rowCount];
        var byFirstBand = new List<int>[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            reach[r] = r;
            byFirstBand[r] = [];
        }

        for (var i = 0; i < glyphs.Count; i++)
        {
            var box = cells.Boxes[glyphCell[i]];
            byFirstBand[box.RowMin].Add(i);
            if (!glyphs[i].IsSpace && box.RowMax > box.RowMin)
            {
                reach[box.RowMin] = Math.Max(reach[box.RowMin], box.RowMax);
            }
        }

        var rows = new List<IReadOnlyList<TextCell>>();
        var r0 = 0;
        while (r0 < rowCount)
        {
            var r1 = reach[r0];
            for (var r = r0; r <= r1; r++)
            {
                r1 = Math.Max(r1, reach[r]);
            }

            var members = new List<int>();
            for (var r = r0; r <= r1; r++)
            {
                members.AddRange(byFirstBand[r]);
            }

            members.Sort();

            if (!TrySplitByNumbers(glyphs, members, glyphCell, cells, rows))
            {
                for (var r = r0; r <= r1; r++)
                {
                    var band = members.Where(i => cells.Boxes[glyphCell[i]].RowMin == r).ToList();
                    AddRow(glyphs, band, glyphCell, cells, rows);
                }
            }

            r0 = r1 + 1;
        }

        LastRowFull = _lastRowMembers is null ? null : EndsFull(glyphs, _lastRowMembers, glyphCell, cells);
        return rows;
    }

    /// <summary>
    /// A group of bands that holds two or more text lines with numbers may be several rows drawn without
    /// rules between them: each line with a number starts a row, other lines (wrapped names) join the nearest.
    /// But a cell whose text wraps (a long name, or a number too wide for a narrow column: <c>143,999.0</c> over
    /// <c>0</c>) makes its row several lines tall, and the row's one-line cells sit in the middle, between the
    /// wrapped lines: the lines a wrapped cell spans are one row, and its pieces are one cell text. False when
    /// the group is one row.
    /// </summary>
    private bool TrySplitByNumbers(IReadOnlyList<PdfGlyph> glyphs, List<int> members, int[] glyphCell, MergedGrid cells, List<IReadOnlyList<TextCell>> rows)
    {
        if (members.Count == 0)
        {
            return true;
        }

        var memberGlyphs = new PdfGlyph[members.Count];
        for (var k = 0; k < memberGlyphs.Length; k++)
        {
            memberGlyphs[k] = glyphs[members[k]];
        }

        // the group's text lines, as indices of the table's glyphs
        var indexLines = PdfTextLine.LineIndices(memberGlyphs);
        if (indexLines.Count < 2)
        {
            return false;
        }

        foreach (var line in indexLines)
        {
            for (var k = 0; k < line.Count; k++)
            {
                line[k] = members[line[k]];
            }
        }

        if (LinesWithDigits(glyphs, indexLines) < 2)
        {
            return false; // a number is printed with digits: fewer than two lines with one cannot be two rows with numbers
        }

        // the piece of each line in each cell (glyphs of a line are sorted left to right)
        var pieces = new List<Piece>();
        var anchor = new bool[indexLines.Count];
        for (var k = 0; k < indexLines.Count; k++)
        {
            foreach (var g in indexLines[k].GroupBy(i => glyphCell[i]))
            {
                var piece = new Piece(k, g.Key, g.Select(i => glyphs[i]).ToList());
                if (piece.Text.Length == 0)
                {
                    continue;
                }

                pieces.Add(piece);
                anchor[k] |= piece.Numeric;
            }
        }

        if (anchor.Count(a => a) < 2)
        {
            return false;
        }

        var rowOf = WrappedRows(pieces, indexLines.Count, cells);
        var rowHasNumber = new bool[indexLines.Count];
        for (var k = 0; k < indexLines.Count; k++)
        {
            rowHasNumber[rowOf[k]] |= anchor[k];
        }

        var numberRows = Enumerable.Range(0, indexLines.Count).Where(k => rowOf[k] == k && rowHasNumber[k]).ToList();
        if (numberRows.Count < 2)
        {
            return false;
        }

        var centre = indexLines.Select(l => l.Average(i => glyphs[i].CenterY)).ToArray();
        var records = numberRows.ToDictionary(a => a, _ => new List<int>());
        for (var k = 0; k < indexLines.Count; k++)
        {
            var row = rowOf[k];
            if (!rowHasNumber[row])
            {
                // a line without numbers (a wrapped name) joins the row of the nearest line with a number
                var nearest = Enumerable.Range(0, indexLines.Count).Where(a => anchor[a]).MinBy(a => Math.Abs(centre[a] - centre[k]));
                row = rowOf[nearest];
            }

            records[row].AddRange(indexLines[k]);
        }

        foreach (var a in numberRows)
        {
            AddRow(glyphs, records[a], glyphCell, cells, rows);
        }

        return true;
    }

    /// <summary>Lines holding a digit, ASCII or full-width (the only characters that fold to the digits of a number).</summary>
    private static int LinesWithDigits(IReadOnlyList<PdfGlyph> glyphs, List<List<int>> lines)
    {
        var count = 0;
        foreach (var line in lines)
        {
            foreach (var i in line)
            {
                if (glyphs[i].Value.AsSpan().IndexOfAny(Digits) >= 0)
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The first line of each line's row: a cell whose text wraps from one line onto a later one ties the lines
    /// it spans into one row, unless that row would then hold two rows' amounts in one column.
    /// </summary>
    private int[] WrappedRows(List<Piece> pieces, int lineCount, MergedGrid cells)
    {
        var byCell = pieces.GroupBy(p => p.Cell).Select(g => g.ToList()).ToList();
        var linked = byCell.Select(list =>
        {
            var l = new bool[list.Count];
            for (var i = 1; i < list.Count; i++)
            {
                l[i] = Wraps(list[i - 1], list[i], cells.Boxes[list[i].Cell]);
            }

            return l;
        }).ToList();

        // rows as intervals of lines: first[k] is the first line of line k's row, last[first] its last line
        var first = new int[lineCount];
        var last = new int[lineCount];
        for (var k = 0; k < lineCount; k++)
        {
            first[k] = k;
            last[k] = k;
        }

        for (var c = 0; c < byCell.Count; c++)
        {
            for (var i = 1; i < byCell[c].Count; i++)
            {
                if (!linked[c][i])
                {
                    continue;
                }

                var a = first[byCell[c][i - 1].Line];
                var b = last[first[byCell[c][i].Line]];
                if (first[b] == a || !Consistent(byCell, linked, a, b))
                {
                    continue;
                }

                for (var k = a; k <= b; k++)
                {
                    first[k] = a;
                }

                last[a] = b;
            }
        }

        return first;
    }

    /// <summary>
    /// True when lines a..b hold no two pieces of one cell, one of them a number, that are not one wrapped
    /// text: two amounts (or an amount and a name) in one column are two rows. Two text pieces may be one name
    /// wrapped earlier than the cell's width demands.
    /// </summary>
    private static bool Consistent(List<List<Piece>> byCell, List<bool[]> linked, int a, int b)
    {
        for (var c = 0; c < byCell.Count; c++)
        {
            for (var i = 1; i < byCell[c].Count; i++)
            {
                if (!linked[c][i] && (byCell[c][i - 1].Numeric || byCell[c][i].Numeric) && byCell[c][i - 1].Line >= a && byCell[c][i].Line <= b)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The glyphs of one text line inside one cell.</summary>
    private sealed class Piece
    {
        public Piece(int line, int cell, List<PdfGlyph> glyphs)
        {
            Line = line;
            Cell = cell;
            Text = PdfTextLine.Text(glyphs).Trim();
            Numeric = PdfTextLine.IsNumeric(Text);
            var printed = glyphs.Where(g => !g.IsSpace).ToList();
            if (printed.Count > 0)
            {
                Left = printed[0].Left;
                Right = printed[^1].Right;
                FirstWidth = printed[0].Right - printed[0].Left;
                Baseline = printed.Average(g => g.Baseline);
                Size = printed.Max(g => g.Size);
            }
        }

        public int Line { get; }

        public int Cell { get; }

        public string Text { get; }

        public bool Numeric { get; }

        public double Left { get; }

        public double Right { get; }

        public double FirstWidth { get; }

        public double Baseline { get; }

        public double Size { get; }
    }

    /// <summary>
    /// True when <paramref name="lower"/> goes on with the text of <paramref name="upper"/>, the piece above it in
    /// the same cell of one grid row: it follows at the distance of a line, and the upper line is full (its
    /// first glyph would not have fitted after it, allowing for the cell's padding). A wrapped number must make
    /// one number again (<c>411,130.6</c> + <c>7</c>). A cell spanning several ruled rows ties none of them.
    /// </summary>
    private bool Wraps(Piece upper, Piece lower, CellBox box)
    {
        var size = Math.Max(upper.Size, lower.Size);
        if (box.RowMin != box.RowMax || upper.Baseline - lower.Baseline > 1.8 * size || upper.Baseline <= lower.Baseline)
        {
            return false;
        }

        var width = _xs[box.ColMax + 1] - _xs[box.ColMin];
        if (width - (upper.Right - upper.Left) > lower.FirstWidth + (1.2 * size))
        {
            return false;
        }

        if (upper.Numeric || lower.Numeric)
        {
            return upper.Numeric && lower.Numeric && IsOneNumber(upper.Text + lower.Text);
        }

        return true;
    }

    /// <summary>An amount or a code as printed: digits, thousands separators in threes, a decimal part.</summary>
    private static bool IsOneNumber(string text)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        var start = t.StartsWith('-') ? 1 : 0;
        var dot = t.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? t[start..] : t[start..dot];
        var fraction = dot < 0 ? string.Empty : t[(dot + 1)..];
        if (whole.Length == 0 || (dot >= 0 && fraction.Length == 0) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        var groups = whole.Split(',');
        return groups.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
            && (groups.Length == 1 || (groups[0].Length <= 3 && groups.Skip(1).All(g => g.Length == 3)));
    }

    private void AddRow(IReadOnlyList<PdfGlyph> glyphs, List<int> members, int[] glyphCell, MergedGrid cells, List<IReadOnlyList<TextCell>> rows)
    {
        if (members.Count == 0)
        {
            return;
        }

        var row = new TextCell[ColumnCount];
        for (var c = 0; c < ColumnCount; c++)
        {
            row[c] = new TextCell(string.Empty, c, _xs[c], _xs[c + 1]);
        }

        foreach (var (cell, cellGlyphs) in ByCell(glyphs, members, glyphCell))
        {
            var box = cells.Boxes[cell];
            var text = PdfTextLine.WrappedText(cellGlyphs);
            var existing = row[box.ColMin].Text;
            row[box.ColMin] = new TextCell(existing + text, box.ColMin, _xs[box.ColMin], _xs[box.ColMax + 1]);
        }

        if (row.Any(c => c.Text.Length > 0))
        {
            rows.Add(row);
            _lastRowMembers = members;
        }
    }

    /// <summary>
    /// For each column, whether the last row's cell that starts there ends on a full line (its text reaches the
    /// right side of the cell, padding and the next glyph allowed for): text that may go on in the row's
    /// continuation on the next page.
    /// </summary>
    private bool[] EndsFull(IReadOnlyList<PdfGlyph> glyphs, List<int> members, int[] glyphCell, MergedGrid cells)
    {
        var full = new bool[ColumnCount];
        foreach (var (cell, cellGlyphs) in ByCell(glyphs, members, glyphCell))
        {
            var box = cells.Boxes[cell];
            var last = PdfTextLine.Lines(cellGlyphs)[^1].Where(g => !g.IsSpace).ToList();
            if (last.Count == 0)
            {
                continue;
            }

            var size = last.Max(g => g.Size);
            full[box.ColMin] = _xs[box.ColMax + 1] - last[^1].Right <= 2.2 * size; // indented text wraps at the right edge too
        }

        return full;
    }

    /// <summary>The glyphs of a row's members cell by cell, in the order of each cell's first member, each in member order.</summary>
    private static List<(int Cell, List<PdfGlyph> Glyphs)> ByCell(IReadOnlyList<PdfGlyph> glyphs, List<int> members, int[] glyphCell)
    {
        var byCell = new List<(int Cell, List<PdfGlyph> Glyphs)>();
        foreach (var i in members)
        {
            var k = 0;
            while (k < byCell.Count && byCell[k].Cell != glyphCell[i])
            {
                k++;
            }

            if (k == byCell.Count)
            {
                byCell.Add((glyphCell[i], []));
            }

            byCell[k].Glyphs.Add(glyphs[i]);
        }

        return byCell;
    }

    private sealed record CellBox(int RowMin, int RowMax, int ColMin, int ColMax);

    private sealed record MergedGrid(int[] Owner, Dictionary<int, CellBox> Boxes);

    /// <summary>Union of grid cells with no rule between them; each merged cell is named by its root.</summary>
    private MergedGrid MergedCells(int rowCount, int colCount)
    {
        var sets = new DisjointSets(rowCount * colCount);
        for (var r = 0; r < rowCount; r++)
        {
            var midY = (_ys[r] + _ys[r + 1]) / 2;
            for (var c = 0; c < colCount; c++)
            {
                var midX = (_xs[c] + _xs[c + 1]) / 2;
                if (c < colCount - 1 && !HasRule(false, _xs[c + 1], midY))
                {
                    sets.Union((r * colCount) + c, (r * colCount) + c + 1);
                }

                if (r < rowCount - 1 && !HasRule(true, _ys[r + 1], midX))
                {
                    sets.Union((r * colCount) + c, ((r + 1) * colCount) + c);
                }
            }
        }

        var owner = new int[rowCount * colCount];
        var boxes = new Dictionary<int, CellBox>();
        for (var r = 0; r < rowCount; r++)
        {
            for (var c = 0; c < colCount; c++)
            {
                var root = sets.Find((r * colCount) + c);
                owner[(r * colCount) + c] = root;
                boxes[root] = boxes.TryGetValue(root, out var b)
                    ? new CellBox(Math.Min(b.RowMin, r), Math.Max(b.RowMax, r), Math.Min(b.ColMin, c), Math.Max(b.ColMax, c))
                    : new CellBox(r, r, c, c);
            }
        }

        return new MergedGrid(owner, boxes);
    }

    /// <summary>True when a rule of that direction lies at <paramref name="at"/> and spans <paramref name="across"/> (both within the tolerance).</summary>
    private bool HasRule(bool horizontal, double at, double across)
    {
        // rules sorted by position: only those near it are tested, with a margin over the test's own tolerance
        var rules = horizontal ? _horizontal : _vertical;
        int lo = 0, hi = rules.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (rules[mid].At < at - Tolerance - 1)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < rules.Length && rules[i].At <= at + Tolerance + 1; i++)
        {
            if (Math.Abs(rules[i].At - at) <= Tolerance && rules[i].Covers(across, Tolerance))
            {
                return true;
            }
        }

        return false;
    }

    private static PdfRule[] ByPosition(List<PdfRule> rules, bool horizontal)
    {
        var list = rules.Where(r => r.Horizontal == horizontal && !double.IsNaN(r.At)).ToArray(); // a NaN position matches nothing
        Array.Sort(list, static (a, b) => a.At.CompareTo(b.At));
        return list;
    }

    private int BandOf(double y)
    {
        for (var r = 0; r < _ys.Count - 2; r++)
        {
            if (y >= _ys[r + 1])
            {
                return r;
            }
        }

        return _ys.Count - 2;
    }

    private int ColumnOf(double x)
    {
        for (var c = ColumnCount - 1; c > 0; c--)
        {
            if (x >= _xs[c])
            {
                return c;
            }
        }

        return 0;
    }

    private static double XMin(PdfRule r) => r.Horizontal ? Math.Min(r.From, r.To) : r.At;

    private static double XMax(PdfRule r) => r.Horizontal ? Math.Max(r.From, r.To) : r.At;

    private static bool Touch(PdfRule a, PdfRule b)
    {
        if (a.Horizontal == b.Horizontal)
        {
            return Math.Abs(a.At - b.At) <= Tolerance && a.From <= b.To + Tolerance && b.From <= a.To + Tolerance;
        }

        return a.Covers(b.At, Tolerance) && b.Covers(a.At, Tolerance);
    }

    /// <summary>Sorted distinct positions; positions closer than the tolerance are one (their mean).</summary>
    private static List<double> Cluster(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var result = new List<double>();
        var sum = 0.0;
        var n = 0;
        foreach (var v in sorted)
        {
            if (n > 0 && v - (sum / n) > Tolerance)
            {
                result.Add(sum / n);
                sum = 0;
                n = 0;
            }

            sum += v;
            n++;
        }

        if (n > 0)
        {
            result.Add(sum / n);
        }

        return result;
    }
}

/// <summary>Union-find with path halving.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra != rb)
        {
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
