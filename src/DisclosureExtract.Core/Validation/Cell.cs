using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// One printed number an equation reads: a table cell (table, row, column) or a figure of the text. Empty table cells
/// are cells too (they count as zero, and a number may be missing from them), but they add no rounding.
/// </summary>
public sealed class Cell
{
    private string? _label;

    internal Cell(int id, BudgetTable? table, TableRow? row, string column, decimal? printed, decimal halfUnit, decimal toWan, int line)
    {
        Id = id;
        Table = table;
        Row = row;
        Column = column;
        Printed = printed;
        HalfUnit = halfUnit;
        ToWan = toWan;
        Line = line;
    }

    internal int Id { get; }

    /// <summary>The table, or null for a figure of the text.</summary>
    public BudgetTable? Table { get; }

    public TableRow? Row { get; }

    /// <summary>The column key (for a text figure: what the text states).</summary>
    public string Column { get; }

    /// <summary>The amount as printed in its own unit; null for an empty cell.</summary>
    public decimal? Printed { get; }

    public decimal Value => Printed ?? 0m;

    /// <summary>Half a unit of the last digit the number is printed with, in its own unit: what rounding can hide.</summary>
    public decimal HalfUnit { get; }

    /// <summary>The factor that brings the cell's unit to 万元.</summary>
    public decimal ToWan { get; }

    /// <summary>Index of the source line where the number is printed (the row's line for an empty cell).</summary>
    public int Line { get; }

    /// <summary>"表3 210 卫生健康支出 basic" or "text 支出预算"; made when a message asks for it (most cells are in no
    /// message, and making it for every cell was a tenth of validation).</summary>
    public string Label => _label ??= Table is null ? $"text {Column}" : $"{TableSet.Label(Table, Row!)} {Column}";

    public bool IsText => Table is null;

    public string? TableKey => Table?.TableKey;

    public string? Code => Row?.Code;

    public string? RowKey => Row?.Code is null ? Row?.RowKey : null;

    public override string ToString() => Label;

    /// <summary>"表3 210 卫生健康支出 basic 1202.75 (line 276)".</summary>
    internal string Describe(TableSet set) =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} {(Printed is { } p ? p.ToString(CultureInfo.InvariantCulture) : "empty")} ({set.At(Line)})");
}

/// <summary>The cells of one document, one object per printed number, so that equations sharing a number share its cell.</summary>
internal sealed class CellIndex
{
    private readonly Dictionary<TableRow, Dictionary<string, Cell>> _table = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Line, string What), Cell> _text = [];
    private readonly Dictionary<BudgetTable, int> _scale = new(ReferenceEqualityComparer.Instance);
    private readonly List<Cell> _all = [];

    public IReadOnlyList<Cell> All => _all;

    /// <summary>The cell of a table row in a column, empty or printed.</summary>
    public Cell Of(BudgetTable table, TableRow row, string column)
    {
        if (!_table.TryGetValue(row, out var byColumn))
        {
            byColumn = new Dictionary<string, Cell>(StringComparer.Ordinal);
            _table[row] = byColumn;
        }

        if (!byColumn.TryGetValue(column, out var cell))
        {
            var printed = row.AmountIn(column);
            var scale = Math.Max(printed?.Scale ?? 0, ScaleOf(table));
            // a spreadsheet's General format prints at most 11 characters: a large number printed with fewer decimals
            // than its table (936647884.3, 943865000 for 943864999.96) may be rounded to what fits
            if (printed is { } p && p.Scale < scale && IntegerDigits(p) >= 9)
            {
                scale = Math.Max(p.Scale, 10 - IntegerDigits(p));
            }

            var half = printed is null ? 0m : Tolerance.HalfUnit(scale);
            cell = new Cell(_all.Count, table, row, column, printed, half, TableSet.ToWan(table), TableSet.LineOf(row, column));
            _all.Add(cell);
            byColumn[column] = cell;
        }

        return cell;
    }

    private static int IntegerDigits(decimal value) => Math.Truncate(Math.Abs(value)).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    /// <summary>A figure of the text (in 万元), one cell per line and statement.</summary>
    public Cell Text(string what, decimal amount, int line)
    {
        if (!_text.TryGetValue((line, what), out var cell))
        {
            cell = new Cell(_all.Count, null, null, what, amount, Tolerance.HalfUnit(amount.Scale), 1m, line);
            _all.Add(cell);
            _text[(line, what)] = cell;
        }

        return cell;
    }

    /// <summary>
    /// The number of decimals the table prints its amounts with: the most frequent scale among amounts that print
    /// decimals (0 when none does). An amount printed with fewer decimals (90 among 61.58) lost its trailing zeros.
    /// </summary>
    public int ScaleOf(BudgetTable table)
    {
        if (_scale.TryGetValue(table, out var s))
        {
            return s;
        }

        Span<int> counts = stackalloc int[29];
        foreach (var r in table.Rows)
        {
            foreach (var v in r.Values)
            {
                counts[v.Amount.Scale]++;
            }
        }

        s = 0;
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            // ties go to more decimals
            if (counts[i] > 0 && counts[i] >= best)
            {
                s = i;
                best = counts[i];
            }
        }

        _scale[table] = s;
        return s;
    }
}
