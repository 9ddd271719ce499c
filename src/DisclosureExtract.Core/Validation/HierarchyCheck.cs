using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// The classification hierarchy of a coded table, per column: 项 rows sum to their 款, 款 rows to their 类,
/// 类 rows to the table's 合计; a 款/项 row without its parent row; a row printed under a parent that is not its own.
/// Codes are digits: 类 = 3, 款 = 5, 项 = 7 (economic: 类 = 3, 款 = 5).
/// </summary>
public static class HierarchyCheck
{
    public static IEnumerable<Finding> Run(TableSet tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables.All)
        {
            if (table.TableNo is 1 or 4 or 10)
            {
                continue; // 表1/表4 list 类 rows only (checked by SummaryCheck); 表10 is uncoded
            }

            foreach (var f in Sums(table).Concat(Placement(table)))
            {
                yield return f;
            }
        }
    }

    /// <summary>The parent code: 2101101 → 21011 → 210 → null (the table's 合计).</summary>
    public static string? ParentOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.Length > 3 ? code[..^2] : null;
    }

    private static IEnumerable<Finding> Sums(BudgetTable table)
    {
        var byCode = TableSet.ByCode(table);
        var children = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        var topLevel = new List<TableRow>();
        foreach (var (code, rows) in byCode)
        {
            if (ParentOf(code) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    list = [];
                    children[parent] = list;
                }

                list.AddRange(rows);
            }
            else
            {
                topLevel.AddRange(rows);
            }
        }

        foreach (var (code, rows) in byCode)
        {
            if (children.TryGetValue(code, out var kids))
            {
                foreach (var f in Compare(table, rows[0], kids, $"the rows under {code}"))
                {
                    yield return f;
                }
            }
        }

        if (TableSet.TotalRow(table) is { } total && topLevel.Count > 0)
        {
            foreach (var f in Compare(table, total, topLevel, "the 类 rows"))
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> Compare(BudgetTable table, TableRow parent, List<TableRow> kids, string kidsLabel)
    {
        foreach (var column in table.Columns)
        {
            var printed = parent.ValueOf(column);
            var sum = TableSet.Sum(kids, column);
            if (printed is null && sum is null)
            {
                continue;
            }

            Func<string> what = () => $"{TableSet.Label(table, parent)}, column {column}: sum of {kidsLabel}";
            var f = Tolerance.Compare(CheckIds.HierarchySum, what, sum ?? 0m, printed ?? 0m, table.TableKey, parent.Code, column,
                TableSet.LineOf(parent, column));
            if (f is not null)
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> Placement(BudgetTable table)
    {
        var present = TableSet.ByCode(table);
        var open = new Dictionary<int, string>(); // code length → the last row of that level seen
        foreach (var row in table.Rows)
        {
            if (row.Code is not { } code)
            {
                continue;
            }

            open[code.Length] = code;
            foreach (var deeper in open.Keys.Where(k => k > code.Length).ToList())
            {
                open.Remove(deeper);
            }

            if (ParentOf(code) is not { } parent)
            {
                continue;
            }

            if (!present.ContainsKey(parent))
            {
                if (present[code][0] == row)
                {
                    yield return new Finding(CheckIds.HierarchyOrphan, Severity.Warning,
                        $"{TableSet.Label(table, row)}: the table has no row for its parent {parent}", table.TableKey, code, null, null, null, row.Line);
                }

                continue;
            }

            if (open.TryGetValue(parent.Length, out var above) && above != parent)
            {
                yield return new Finding(CheckIds.HierarchyMisplaced, Severity.Warning,
                    $"{TableSet.Label(table, row)}: printed under {above}, but its parent is {parent}", table.TableKey, code, null, null, null, row.Line);
            }
            else if (!open.ContainsKey(parent.Length))
            {
                yield return new Finding(CheckIds.HierarchyMisplaced, Severity.Warning,
                    $"{TableSet.Label(table, row)}: printed before its parent {parent}", table.TableKey, code, null, null, null, row.Line);
            }
        }
    }
}
