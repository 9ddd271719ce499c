using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// Tables that restate each other: 表1 totals = 表2 合计 = 表3 合计; 表1 expenditure by 类 = 表3 类 rows;
/// 表2 = 表3 code by code; 表4 = 表5 (表8, 表9) by 类; 表5 = the general-budget part of 表2 (一般公共预算 + 上级转移支付)
/// and never more than 表3; 表6 合计 = 表5 基本支出; 表7 = 表5 项目支出 (合计 and code by code).
/// A finding is reported at the first table of the pair: actual = its figure, expected = the other table's figure.
/// </summary>
public static class CrossTableCheck
{
    public static IEnumerable<Finding> Run(TableSet tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var f = new List<Finding>();
        var t1 = tables.Get(1);
        var t2 = tables.Get(2);
        var t3 = tables.Get(3);
        var t4 = tables.Get(4);
        var t5 = tables.Get(5);

        // 表1 totals = 表2 合计 = 表3 合计
        var incomeTotal = t1 is null ? null : TableSet.KeyRow(t1, "income_total");
        var spentTotal = t1 is null ? null : TableSet.KeyRow(t1, "expenditure_total");
        f.AddRange(Pair(tables, CheckIds.CrossTotal, t1, incomeTotal, "amount", t2, t2 is null ? null : TableSet.TotalRow(t2), "total"));
        f.AddRange(Pair(tables, CheckIds.CrossTotal, t1, spentTotal, "amount", t3, t3 is null ? null : TableSet.TotalRow(t3), "total"));
        if (t1 is null)
        {
            f.AddRange(Pair(tables, CheckIds.CrossTotal, t2, t2 is null ? null : TableSet.TotalRow(t2), "total", t3, t3 is null ? null : TableSet.TotalRow(t3), "total"));
        }

        // row by row
        f.AddRange(Rows(tables, CheckIds.CrossRows, t1, "amount", t3, "total", classesOnly: true, side: "expenditure"));
        f.AddRange(Rows(tables, CheckIds.CrossRows, t2, "total", t3, "total", classesOnly: false));
        f.AddRange(Rows(tables, CheckIds.CrossRows, t4, "general_budget", t5, "total", classesOnly: true, side: "expenditure"));
        f.AddRange(Rows(tables, CheckIds.CrossRows, t4, "gov_fund", tables.Get(8), "total", classesOnly: true, side: "expenditure"));
        f.AddRange(Rows(tables, CheckIds.CrossRows, t4, "state_capital", tables.Get(9), "total", classesOnly: true, side: "expenditure"));
        if (t4 is not null && t5 is not null)
        {
            var spent4 = TableSet.KeyRow(t4, "expenditure_total");
            f.AddRange(Pair(tables, CheckIds.CrossRows, t4, spent4, "general_budget", t5, TableSet.TotalRow(t5), "total"));
        }

        // a 空表 8/9 while 表4 spends 政府性基金 / 国有资本经营 money
        f.AddRange(EmptyButSpent(tables, t4, "gov_fund", tables.GetEvenIfEmpty(8)));
        f.AddRange(EmptyButSpent(tables, t4, "state_capital", tables.GetEvenIfEmpty(9)));

        // 表5 = the general-budget part
        f.AddRange(GeneralBudgetPart(tables, t2, t5));
        f.AddRange(NotMoreThanWhole(tables, t5, t3));

        // 表6 合计 = 表5 基本支出; 表7 = 表5 项目支出
        var t6 = tables.Get(6);
        var t7 = tables.Get(7);
        if (t5 is not null)
        {
            f.AddRange(Pair(tables, CheckIds.CrossBasic, t6, t6 is null ? null : TableSet.TotalRow(t6), "total", t5, TableSet.TotalRow(t5), "basic"));
            f.AddRange(Pair(tables, CheckIds.CrossProject, t7, t7 is null ? null : TableSet.TotalRow(t7), "total", t5, TableSet.TotalRow(t5), "project"));
            f.AddRange(Rows(tables, CheckIds.CrossProject, t7, "total", t5, "project", classesOnly: false, onlyCodesOfFirst: true));
        }

        return f;
    }

    private static IEnumerable<Finding> Pair(TableSet set, string check, BudgetTable? a, TableRow? rowA, string colA, BudgetTable? b, TableRow? rowB, string colB)
    {
        if (a is null || b is null || rowA?.AmountIn(colA) is not { } va || rowB is null)
        {
            yield break;
        }

        // an empty cell in the other table counts as zero once its row is there
        var vb = (rowB.AmountIn(colB) ?? 0m) * TableSet.ToWan(b) / TableSet.ToWan(a);
        Func<string> what = () => string.Create(CultureInfo.InvariantCulture,
            $"{TableSet.Label(a, rowA)} {colA} ({set.At(TableSet.LineOf(rowA, colA))}) against {TableSet.Label(b, rowB)} {colB} ({set.At(TableSet.LineOf(rowB, colB))})");
        if (Tolerance.Compare(check, what, vb, va, a.TableKey, rowA.Code, colA, TableSet.LineOf(rowA, colA)) is { } f)
        {
            yield return f;
        }
    }

    private static IEnumerable<Finding> Rows(TableSet set, string check, BudgetTable? a, string colA, BudgetTable? b, string colB, bool classesOnly,
        string? side = null, bool onlyCodesOfFirst = false)
    {
        if (a is null || b is null)
        {
            yield break;
        }

        var rowsA = set.RowsByCode(a, side);
        var rowsB = set.RowsByCode(b);
        var codes = rowsA.Keys.Union(onlyCodesOfFirst ? [] : rowsB.Keys).Where(c => !classesOnly || c.Length == 3).Order(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            rowsA.TryGetValue(code, out var ra);
            rowsB.TryGetValue(code, out var rb);
            var va = ra is null ? null : TableSet.Sum(ra, colA);
            var vb = rb is null ? null : TableSet.Sum(rb, colB) * TableSet.ToWan(b) / TableSet.ToWan(a);
            if (va is null && vb is null)
            {
                continue;
            }

            // the description (names rows and lines) only for a difference
            if (Tolerance.Classify(vb ?? 0m, va ?? 0m) is null)
            {
                continue;
            }

            var anchor = ra?[0];
            var other = rb?[0];
            var where = string.Create(CultureInfo.InvariantCulture,
                $"{code}: 表{a.TableNo} {colA} {(va is null ? "empty" : va.Value.ToString(CultureInfo.InvariantCulture))}{(anchor is null ? " (no row)" : $" ({set.At(TableSet.LineOf(anchor, colA))})")}"
                + $" against 表{b.TableNo} {colB} {(vb is null ? "empty" : vb.Value.ToString(CultureInfo.InvariantCulture))}{(other is null ? " (no row)" : $" ({set.At(TableSet.LineOf(other, colB))})")}");
            var line = anchor is not null ? TableSet.LineOf(anchor, colA) : other is not null ? TableSet.LineOf(other, colB) : (int?)null;
            if (Tolerance.Compare(check, where, vb ?? 0m, va ?? 0m, a.TableKey, code, colA, line) is { } f)
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> GeneralBudgetPart(TableSet set, BudgetTable? t2, BudgetTable? t5)
    {
        if (t2 is null || t5 is null || !t2.Columns.Contains("general_budget"))
        {
            yield break;
        }

        var rows2 = set.RowsByCode(t2);
        var rows5 = set.RowsByCode(t5);
        var pairs = rows5.Keys.Union(rows2.Keys).Order(StringComparer.Ordinal)
            .Select(c => (Code: (string?)c, A: rows5.GetValueOrDefault(c)?[0], B: rows2.GetValueOrDefault(c)?[0]))
            .Append((Code: null, A: TableSet.TotalRow(t5), B: TableSet.TotalRow(t2)));
        foreach (var (code, r5, r2) in pairs)
        {
            var general = r2 is null ? null : GeneralPart(r2) * TableSet.ToWan(t2) / TableSet.ToWan(t5);
            var printed = r5?.AmountIn("total");
            if (printed is null && (general ?? 0m) == 0m)
            {
                continue;
            }

            var label = code ?? "合计";
            Func<string> what = () => string.Create(CultureInfo.InvariantCulture,
                $"{label}: 表5 total against 表2 general_budget + general_budget_transfer ({(general is null ? "no row" : general.Value.ToString(CultureInfo.InvariantCulture))})");
            var line = r5 is not null ? TableSet.LineOf(r5, "total") : r2?.Line;
            if (Tolerance.Compare(CheckIds.CrossGeneralBudget, what, general ?? 0m, printed ?? 0m, t5.TableKey, code, "total", line) is { } f)
            {
                yield return f;
            }
        }
    }

    private static IEnumerable<Finding> EmptyButSpent(TableSet set, BudgetTable? t4, string column, BudgetTable? fundTable)
    {
        if (t4 is null || fundTable is null || !(fundTable.IsEmpty || fundTable.Rows.All(r => r.Values.Count == 0)))
        {
            yield break;
        }

        foreach (var (code, rows) in set.RowsByCode(t4, "expenditure"))
        {
            if (code.Length == 3 && TableSet.Sum(rows, column) is { } v && v != 0m)
            {
                yield return new Finding(CheckIds.CrossRows, Severity.Error,
                    string.Create(CultureInfo.InvariantCulture, $"{code}: 表4 {column} {v}, but 表{fundTable.TableNo} is empty"),
                    t4.TableKey, code, column, 0m, v, TableSet.LineOf(rows[0], column));
            }
        }
    }

    private static decimal? GeneralPart(TableRow row2)
    {
        var a = row2.AmountIn("general_budget");
        var b = row2.AmountIn("general_budget_transfer");
        return a is null && b is null ? null : (a ?? 0m) + (b ?? 0m);
    }

    private static IEnumerable<Finding> NotMoreThanWhole(TableSet set, BudgetTable? t5, BudgetTable? t3)
    {
        if (t5 is null || t3 is null)
        {
            yield break;
        }

        var rows3 = set.RowsByCode(t3);
        foreach (var (code, rows5) in set.RowsByCode(t5))
        {
            var r3 = rows3.GetValueOrDefault(code)?[0];
            foreach (var column in new[] { "total", "basic", "project" })
            {
                if (rows5[0].AmountIn(column) is not { } part || part <= 0m)
                {
                    continue;
                }

                var whole = (r3?.AmountIn(column) ?? 0m) * TableSet.ToWan(t3) / TableSet.ToWan(t5);
                if (part > whole)
                {
                    var msg = string.Create(CultureInfo.InvariantCulture,
                        $"{code}: 表5 {column} {part} is more than 表3 {column} {whole}; the general-budget part cannot exceed the whole");
                    var severity = part - whole <= Tolerance.Rounding ? Severity.Warning : Severity.Error;
                    yield return new Finding(CheckIds.CrossGeneralBudget, severity, msg, t5.TableKey, code, column, whole, part, TableSet.LineOf(rows5[0], column));
                }
            }
        }
    }
}
