using DisclosureExtract.Model;
using DisclosureExtract.Tables;

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

            foreach (var f in Sums(tables, table).Concat(Placement(tables, table)))
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

    private static IEnumerable<Finding> Sums(TableSet set, BudgetTable table)
    {
        var byCode = set.RowsByCode(table);
        var children = new Dictionary<string, List<TableRow>>(StringComparer.Ordinal);
        var byParent = children.GetAlternateLookup<ReadOnlySpan<char>>();
        var topLevel = new List<TableRow>();
        foreach (var (code, rows) in byCode)
        {
            if (code.Length > 3)
            {
                // the parent code (as ParentOf), as a string only once per parent
                var parent = code.AsSpan(0, code.Length - 2);
                if (!byParent.TryGetValue(parent, out var list))
                {
                    list = [];
                    children[parent.ToString()] = list;
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
                foreach (var f in Compare(table, rows[0], kids, code))
                {
                    yield return f;
                }
            }
        }

        if (TableSet.TotalRow(table) is { } total && topLevel.Count > 0)
        {
            foreach (var f in Compare(table, total, topLevel, null))
            {
                yield return f;
            }
        }
    }

    /// <param name="underCode">The code the kids are under; null for the 类 rows under the 合计.</param>
    private static IEnumerable<Finding> Compare(BudgetTable table, TableRow parent, List<TableRow> kids, string? underCode)
    {
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var printed = parent.AmountIn(column);
            var sum = TableSet.Sum(kids, column);
            // the description (names the row) only for a difference
            if ((printed is null && sum is null) || Tolerance.Classify(sum ?? 0m, printed ?? 0m) is null)
            {
                continue;
            }

            var kidsLabel = underCode is null ? "the 类 rows" : $"the rows under {underCode}";
            yield return Tolerance.Compare(CheckIds.HierarchySum, $"{TableSet.Label(table, parent)}, column {column}: sum of {kidsLabel}", sum ?? 0m, printed ?? 0m,
                table.TableKey, parent.Code, column, TableSet.LineOf(parent, column))!;
        }
    }

    private static IEnumerable<Finding> Placement(TableSet set, BudgetTable table)
    {
        var present = set.RowsByCode(table);
        var open = new Dictionary<int, string>(); // code length → the last row of that level seen
        var deeper = new List<int>();
        foreach (var row in table.Rows)
        {
            if (row.Code is not { } code)
            {
                continue;
            }

            open[code.Length] = code;
            deeper.Clear();
            foreach (var k in open.Keys)
            {
                if (k > code.Length)
                {
                    deeper.Add(k);
                }
            }

            foreach (var k in deeper)
            {
                open.Remove(k);
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
