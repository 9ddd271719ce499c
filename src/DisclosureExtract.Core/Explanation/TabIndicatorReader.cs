using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Indicator rows whose cells are known (tab-separated text). The columns after 指标值 are taken from the
/// header row and counted from the right, so rows that lost or gained a leading empty cell still read
/// right; the non-empty cells before the value are level 1, level 2 and the name (levels carry down).
/// A row without a value and weight continues the row above (a name or value wrapped onto a second row).
/// </summary>
public static class TabIndicatorReader
{
    public static IReadOnlyList<PerformanceIndicator> Read(SourceDocument doc, int headerRow, int end)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var headerCells = Grid(doc.Lines[headerRow].Cells!);
        var fullHeader = headerCells.Count;
        var header = Trim(headerCells.Select(PerformanceTableExtractor.Compact).ToList());
        var valueAt = header.FindIndex(h => h.StartsWith("指标值", StringComparison.Ordinal) && !h.Contains("依据", StringComparison.Ordinal));
        if (valueAt < 0)
        {
            return [];
        }

        var tail = header.Skip(valueAt + 1).ToList();
        int Col(Func<string, bool> p) => tail.FindIndex(h => p(h));
        var basisCol = Col(h => h.Contains("依据", StringComparison.Ordinal));
        var priorCol = Col(h => h.Contains("上年", StringComparison.Ordinal));
        var weightCol = Col(h => h.Contains("分值", StringComparison.Ordinal) || h.Contains("权重", StringComparison.Ordinal));
        var ruleCol = Col(h => h.Contains("赋分", StringComparison.Ordinal) || h.Contains("规则", StringComparison.Ordinal));
        var evidenceCol = Col(h => h.Contains("佐证", StringComparison.Ordinal));

        var list = new List<PerformanceIndicator>();
        string? l1 = null, l2 = null;
        var all = new List<string>(fullHeader); // the row's cells, one list for every row (nothing keeps it)
        var lead = new List<string>();
        for (var i = headerRow + 1; i < end; i++)
        {
            var line = doc.Lines[i];
            if (line.Cells is not { Count: >= 3 })
            {
                continue;
            }

            // columns as in the header when the row has as many cells and its weight is where the header says;
            // otherwise counted from the right (rows that lost or gained a leading empty cell)
            Grid(line.Cells, all);
            if (AllColumnsKnown(line.Cells))
            {
                while (all.Count < fullHeader)
                {
                    all.Add(string.Empty); // grid columns are known: empty trailing cells are still columns
                }
            }

            var trimmedCount = all.Count; // the cells without the empty ones at the end are a prefix of them all
            while (trimmedCount > 0 && all[trimmedCount - 1].Length == 0)
            {
                trimmedCount--;
            }

            bool WeightAt(int count, int valueIndex) =>
                weightCol >= 0 && valueIndex >= 0 && valueIndex + 1 + weightCol < count && Text.Amounts.IsAmount(Squeeze(all[valueIndex + 1 + weightCol]));
            var direct = all.Count == fullHeader;
            var fromRight = trimmedCount - tail.Count - 1;
            var (cellCount, v) = direct && WeightAt(all.Count, valueAt) ? (all.Count, valueAt)
                : WeightAt(trimmedCount, fromRight) ? (trimmedCount, fromRight)
                : direct ? (all.Count, valueAt) : (trimmedCount, fromRight);
            if (v < 0)
            {
                continue;
            }

            string Tail(int col) => col >= 0 && v + 1 + col < cellCount ? Squeeze(all[v + 1 + col]) : string.Empty;
            var value = Squeeze(all[v]);
            lead.Clear();
            for (var c = 0; c < v; c++)
            {
                if (all[c].Length > 0)
                {
                    lead.Add(Squeeze(all[c]));
                }
            }

            var weightText = Tail(weightCol);
            var isValue = IndicatorValue.StartsWithOperator(value) || HasDigit(value) || weightText.Length > 0;
            if (!isValue && list.Count > 0)
            {
                list[^1] = Continue(list[^1], lead, value, Tail(basisCol), Tail(priorCol), Tail(ruleCol), Tail(evidenceCol));
                continue;
            }

            if (lead.Count == 0 || value.Length == 0)
            {
                continue;
            }

            // the cells before the name are level labels: the last two of them, or level 2 alone
            var name = lead[^1];
            var (a, b) = (lead.Count - 1) switch
            {
                0 => (null, null),
                1 => (null, lead[0]),
                _ => (lead[^3], lead[^2]),
            };
            l1 = a ?? l1;
            l2 = b ?? l2;
            list.Add(Make(list.Count + 1, l1, l2, name, value, Tail(basisCol), Tail(priorCol), weightText, Tail(ruleCol), Tail(evidenceCol), i));
        }

        return list;
    }

    internal static PerformanceIndicator Make(int seq, string? l1, string? l2, string name, string value, string basis, string prior, string weight, string rule, string evidence, int line)
    {
        var (op, num, unit, qual) = IndicatorValue.Parse(value);
        decimal? w = Text.Amounts.Parse(weight);
        return new PerformanceIndicator(seq, l1, l2, name, value, op, num, unit, qual, Null(basis), Null(prior), w, Null(rule), Null(evidence), line);
    }

    private static PerformanceIndicator Continue(PerformanceIndicator p, List<string> lead, string value, string basis, string prior, string rule, string evidence)
    {
        var v = p.ValueText + value;
        var (op, num, unit, qual) = IndicatorValue.Parse(v);
        return p with
        {
            Name = p.Name + string.Concat(lead),
            ValueText = v,
            Operator = op,
            Value = num,
            Unit = unit,
            Qualitative = qual,
            Basis = Null((p.Basis ?? string.Empty) + basis),
            PriorYear = Null((p.PriorYear ?? string.Empty) + prior),
            ScoringRule = Null((p.ScoringRule ?? string.Empty) + rule),
            Evidence = Null((p.Evidence ?? string.Empty) + evidence),
        };
    }

    /// <summary>The cells by grid column where the reader knows it (HTML, PDF), else in order (tab-separated text).</summary>
    private static List<string> Grid(IReadOnlyList<TextCell> cells)
    {
        var grid = new List<string>(cells.Count);
        Grid(cells, grid);
        return grid;
    }

    /// <summary>The same written into a list (its former content dropped).</summary>
    private static void Grid(IReadOnlyList<TextCell> cells, List<string> grid)
    {
        grid.Clear();
        if (!AllColumnsKnown(cells))
        {
            foreach (var c in cells)
            {
                grid.Add(c.Text.Trim());
            }

            return;
        }

        var width = 0;
        foreach (var c in cells)
        {
            width = Math.Max(width, c.Column!.Value + 1);
        }

        for (var i = 0; i < width; i++)
        {
            grid.Add(string.Empty);
        }

        foreach (var c in cells)
        {
            var i = c.Column!.Value;
            grid[i] = grid[i].Length == 0 ? c.Text.Trim() : grid[i] + c.Text.Trim();
        }
    }

    /// <summary>True when the line has cells and each knows its grid column.</summary>
    private static bool AllColumnsKnown(IReadOnlyList<TextCell> cells)
    {
        foreach (var c in cells)
        {
            if (c.Column is null)
            {
                return false;
            }
        }

        return cells.Count > 0;
    }

    private static bool HasDigit(string s)
    {
        foreach (var c in s)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Null(string s) => s.Length > 0 ? s : null;

    /// <summary>The text without white space; the same string when it has none.</summary>
    internal static string Squeeze(string s) => Text.TextNormalizer.Without(s, IsSpace);

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    private static List<string> Trim(List<string> cells)
    {
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return cells;
    }
}
