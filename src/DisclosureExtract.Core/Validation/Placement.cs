using DisclosureExtract.Catalog;
using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// Where coded rows sit: a 款/项 row whose parent row the table does not have (<c>hierarchy_orphan</c>), or printed under
/// (or before) a parent that is not its own (<c>hierarchy_misplaced</c>). Codes are digits: 类 = 3, 款 = 5, 项 = 7.
/// </summary>
internal static class Placement
{
    /// <summary>The parent code: 2101101 → 21011 → 210 → null (the table's 合计).</summary>
    public static string? ParentOf(string code) => code.Length > 3 ? code[..^2] : null;

    public static IEnumerable<Finding> Run(TableSet set)
    {
        foreach (var table in set.All)
        {
            if (set.KindOf(table).Shape != TableShape.Coded)
            {
                continue;
            }

            foreach (var f in Rows(set, table))
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> Rows(TableSet set, BudgetTable table)
    {
        var present = set.RowsByCode(table);

        // a table that prints one level only (Beijing's 项 rows without their 类 and 款): its rows have no parents by layout,
        // which says nothing about a misread — one info for the table, not a warning a row
        var levels = present.Keys.Select(c => c.Length).Distinct().ToList();
        if (levels.Count == 1 && levels[0] > 3)
        {
            var first = table.Rows.First(r => r.Code is not null);
            yield return new Finding(CheckIds.HierarchyOrphan, Severity.Info,
                $"{TableSet.Name(table)} prints its rows at one level only ({(levels[0] == 5 ? "款" : "项")} codes, without their 类{(levels[0] == 7 ? " and 款" : string.Empty)} rows)",
                table.TableKey, null, null, null, null, first.Line);
            yield break;
        }

        var open = new Dictionary<int, string>(); // code length → the last row of that level seen
        foreach (var row in table.Rows)
        {
            if (row.Code is not { } code)
            {
                continue;
            }

            open[code.Length] = code;
            foreach (var k in open.Keys.Where(k => k > code.Length).ToList())
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
