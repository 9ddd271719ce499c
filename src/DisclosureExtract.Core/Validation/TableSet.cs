using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>The recognized tables of one document, looked up by 表 number, with the helpers the checks share.</summary>
public sealed class TableSet
{
    private readonly Dictionary<int, BudgetTable> _byNumber = [];
    private readonly IReadOnlyList<DocLine>? _lines;
    private readonly List<(BudgetTable Table, string? Side, IReadOnlyDictionary<string, List<TableRow>> Rows)> _byCode = [];
    private List<BudgetTable>? _all;

    /// <param name="tables">The recognized tables.</param>
    /// <param name="lines">The document's lines, to name source lines in messages ("page 3 line 12"); null to name indices.</param>
    public TableSet(IEnumerable<BudgetTable> tables, IReadOnlyList<DocLine>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _lines = lines;
        foreach (var t in tables)
        {
            // the first occurrence wins: a repeated table (contents page, page break) must not replace the real one
            _byNumber.TryAdd(t.TableNo, t);
        }
    }

    /// <summary>A source line for messages: "line 276" / "page 3 line 12" from the document, or "line index 275" without it.</summary>
    public string At(int lineIndex) =>
        _lines is not null && lineIndex >= 0 && lineIndex < _lines.Count ? _lines[lineIndex].Where : $"line index {lineIndex}";

    public IEnumerable<BudgetTable> All => _all ??= _byNumber.Values.OrderBy(t => t.TableNo).ToList();

    /// <summary>The table with this 表 number when it has rows.</summary>
    public BudgetTable? Get(int tableNo) =>
        _byNumber.TryGetValue(tableNo, out var t) && !t.IsEmpty && t.Rows.Count > 0 ? t : null;

    /// <summary>The coded table's 合计/总计 row (row_key total, no code, no side).</summary>
    public static TableRow? TotalRow(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return KeyRow(table, "total");
    }

    /// <summary>The uncoded row with this key (on the given side for two-sided tables).</summary>
    public static TableRow? KeyRow(BudgetTable table, string rowKey, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.Code is null && r.RowKey == rowKey && OnSide(r, side))
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Coded rows grouped by code, in printed order (表7 repeats a 项 code once per project).</summary>
    public static IReadOnlyDictionary<string, List<TableRow>> ByCode(BudgetTable table, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var map = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            if (r.Code is null || !OnSide(r, side))
            {
                continue;
            }

            if (!map.TryGetValue(r.Code, out var list))
            {
                list = [];
                map[r.Code] = list;
            }

            list.Add(r);
        }

        return map;
    }

    /// <summary>
    /// As <see cref="ByCode(BudgetTable, string?)"/>, built once per table and side for the checks that share this set
    /// (the lists must not be changed).
    /// </summary>
    public IReadOnlyDictionary<string, List<TableRow>> RowsByCode(BudgetTable table, string? side = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var (t, s, rows) in _byCode)
        {
            if (ReferenceEquals(t, table) && s == side)
            {
                return rows;
            }
        }

        var map = ByCode(table, side);
        _byCode.Add((table, side, map));
        return map;
    }

    /// <summary>True when the row is on the side asked for; a row without a side is on every side.</summary>
    public static bool OnSide(TableRow row, string? side)
    {
        ArgumentNullException.ThrowIfNull(row);
        return side is null || row.Side is null || row.Side == side;
    }

    /// <summary>The table with this 表 number even when it is a 空表.</summary>
    public BudgetTable? GetEvenIfEmpty(int tableNo) => _byNumber.GetValueOrDefault(tableNo);

    /// <summary>Sum of a column over rows (empty cells count as zero); null when no row prints the column.</summary>
    public static decimal? Sum(IEnumerable<TableRow> rows, string columnKey)
    {
        ArgumentNullException.ThrowIfNull(rows);
        decimal? sum = null;
        if (rows is List<TableRow> list)
        {
            // the checks pass lists: no enumerator object
            foreach (var r in list)
            {
                if (r.AmountIn(columnKey) is { } v)
                {
                    sum = (sum ?? 0m) + v;
                }
            }

            return sum;
        }

        foreach (var r in rows)
        {
            if (r.AmountIn(columnKey) is { } v)
            {
                sum = (sum ?? 0m) + v;
            }
        }

        return sum;
    }

    /// <summary>The row's main amount: 表1 prints it in <c>amount</c>, the other tables in <c>total</c>.</summary>
    public static decimal? Main(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.AmountIn("total") ?? row.AmountIn("amount");
    }

    /// <summary>The factor that brings a table's amounts to 万元 (tables printed in 元 are compared with the others in 万元).</summary>
    public static decimal ToWan(BudgetTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Unit == "元" ? 0.0001m : 1m;
    }

    /// <summary>The line of the cell when printed, otherwise the row's line.</summary>
    public static int LineOf(TableRow row, string columnKey)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LineIn(columnKey) ?? row.Line;
    }

    /// <summary>A short label for messages: "表3 210 卫生健康支出" or "表2 合计".</summary>
    public static string Label(BudgetTable table, TableRow row)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(row);
        var what = row.Code is null ? row.ItemName : $"{row.Code} {row.ItemName}";
        if (row.ProjectName is { Length: > 0 } p)
        {
            what += $" ({p})";
        }

        return $"表{table.TableNo} {what}";
    }
}
