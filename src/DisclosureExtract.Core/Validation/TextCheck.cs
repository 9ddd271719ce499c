using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;
using DisclosureExtract.Reference;

namespace DisclosureExtract.Validation;

/// <summary>
/// 第三部分 against the tables: 收支总预算, 收入预算 and its parts, 支出预算 with 基本支出 / 项目支出, 财政拨款收支总预算,
/// 一般公共预算 by 类 and per 类/款/项 item, 人员经费 / 公用经费, the 三公 figures against 表10, 机关运行经费 against
/// 表6 公用经费; and every printed percentage against the amounts it is a share of.
/// </summary>
public static class TextCheck
{
    public static IEnumerable<Finding> Run(TableSet tables, TextFigures text)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(text);
        var f = new List<Finding>();
        var t1 = tables.Get(1);
        var t2 = tables.Get(2);
        var t3 = tables.Get(3);
        var t4 = tables.Get(4);
        var t5 = tables.Get(5);
        var t6 = tables.Get(6);
        var t10 = tables.Get(10);
        var total2 = t2 is null ? null : TableSet.TotalRow(t2);
        var total3 = t3 is null ? null : TableSet.TotalRow(t3);
        var total5 = t5 is null ? null : TableSet.TotalRow(t5);
        var total6 = t6 is null ? null : TableSet.TotalRow(t6);

        // 一、收支总预算 → 表1 收入总计 (or 表2 合计)
        var t1Income = t1 is null ? null : TableSet.KeyRow(t1, "income_total");
        f.AddRange(Against(tables, text.TotalBudget, "收支总预算", t1 ?? t2, t1Income ?? total2, t1Income is null ? "total" : "amount"));

        // 二、收入预算 and its parts → 表2 合计 row
        f.AddRange(Against(tables, text.IncomeTotal, "收入预算", t2, total2, "total"));
        var incomeBase = Wan(t2, total2?.AmountIn("total")) ?? text.IncomeTotal?.Amount; // the table is the base when there is one
        foreach (var (key, figure) in text.IncomeParts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            f.AddRange(Against(tables, figure, $"收入预算 {key}", t2, total2, key));
            f.AddRange(Share(figure, incomeBase, $"收入预算 {key}", t2?.TableKey, null, key));
        }

        // 三、支出预算, 基本支出, 项目支出 → 表3 合计 row
        f.AddRange(Against(tables, text.ExpenditureTotal, "支出预算", t3, total3, "total"));
        var spendBase = Wan(t3, total3?.AmountIn("total")) ?? text.ExpenditureTotal?.Amount;
        f.AddRange(Against(tables, text.Basic, "支出预算 基本支出", t3, total3, "basic"));
        f.AddRange(Share(text.Basic, spendBase, "基本支出", t3?.TableKey, null, "basic"));
        f.AddRange(Against(tables, text.Project, "支出预算 项目支出", t3, total3, "project"));
        f.AddRange(Share(text.Project, spendBase, "项目支出", t3?.TableKey, null, "project"));

        // 四、财政拨款收支总预算 → 表4 收入总计
        f.AddRange(Against(tables, text.FiscalTotal, "财政拨款收支总预算", t4, t4 is null ? null : TableSet.KeyRow(t4, "income_total"), "total"));

        // 五、一般公共预算 → 表5
        f.AddRange(Against(tables, text.GeneralBudgetTotal, "一般公共预算拨款合计", t5, total5, "total"));
        var generalBase = Wan(t5, total5?.AmountIn("total")) ?? text.GeneralBudgetTotal?.Amount;
        foreach (var c in text.GeneralBudgetClasses)
        {
            var row = t5 is null ? null : FindClass(t5, c);
            var figure = new TextFigure(c.Amount, c.Line, c.Share);
            var label = $"一般公共预算 {c.ClassName}（类）";
            if (t5 is not null && row is null && c.Amount != 0m)
            {
                f.Add(new Finding(CheckIds.TextItemUnmatched, Severity.Warning, $"{label}: 表5 has no such 类 row", t5.TableKey, c.Code, null, null, c.Amount, c.Line));
            }

            f.AddRange(Against(tables, figure, label, t5, row, "total"));
            f.AddRange(Share(figure, generalBase, label, t5?.TableKey, row?.Code ?? c.Code, "total"));
        }

        var codes5 = t5 is null ? null : tables.RowsByCode(t5);
        foreach (var item in text.Items)
        {
            var row = codes5 is null ? null : FindItem(codes5, item);
            var label = $"一般公共预算 {item.ClassName}（类）{item.SectionName}（款）{item.ItemName}（项）";
            if (t5 is not null && row is null && item.Amount != 0m)
            {
                f.Add(new Finding(CheckIds.TextItemUnmatched, Severity.Warning, $"{label}: 表5 has no such row", t5.TableKey, item.Code, null, null, item.Amount, item.Line));
            }

            if (row is null)
            {
                continue;
            }

            f.AddRange(Against(tables, new TextFigure(item.Amount, item.Line), label, t5, row, "total"));
        }

        // 六、人员经费 / 公用经费 → 表6; 十一、机关运行经费 → 表6 公用经费
        f.AddRange(Against(tables, text.Personnel, "基本支出 人员经费", t6, total6, "personnel"));
        f.AddRange(Against(tables, text.PublicUse, "基本支出 公用经费", t6, total6, "public_use"));
        f.AddRange(Against(tables, text.OperatingExpenses, "机关运行经费", t6, total6, "public_use"));

        // 十、三公 → 表10
        foreach (var (key, figure) in text.ThreePublic.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var row = t10 is null ? null : TableSet.KeyRow(t10, key);
            if (t10 is not null && row is null && figure.Amount == 0m)
            {
                continue; // a zero the table leaves out
            }

            f.AddRange(Against(tables, figure, $"三公经费 {key}", t10, row, "total"));
        }

        return f;
    }

    private static decimal? Wan(BudgetTable? table, decimal? value) => table is null || value is null ? value : value * TableSet.ToWan(table);

    /// <summary>A text figure against a table cell. No finding when either side is missing (a missing table is not the text's fault).</summary>
    private static IEnumerable<Finding> Against(TableSet set, TextFigure? figure, string what, BudgetTable? table, TableRow? row, string column)
    {
        if (figure is null || table is null || row is null)
        {
            yield break;
        }

        var tableValue = (row.AmountIn(column) ?? 0m) * TableSet.ToWan(table); // an empty cell is a printed zero; the text is in 万元
        Func<string> msg = () => string.Create(CultureInfo.InvariantCulture,
            $"text {what} ({set.At(figure.Line)}) against {TableSet.Label(table, row)} {column} ({set.At(TableSet.LineOf(row, column))})");
        if (Tolerance.Compare(CheckIds.TextAmount, msg, tableValue, figure.Amount, table.TableKey, row.Code, column, figure.Line) is { } f)
        {
            yield return f;
        }
    }

    /// <summary>A printed percentage against amount / base, rounded to the printed number of decimals.</summary>
    public static IEnumerable<Finding> Share(TextFigure? figure, decimal? baseAmount, string what, string? tableKey, string? code, string? column)
    {
        if (figure?.Share is not { } printed || baseAmount is not { } b || b == 0m)
        {
            yield break;
        }

        var decimals = printed.Scale;
        var computed = Math.Round(figure.Amount / b * 100m, decimals, MidpointRounding.AwayFromZero);
        if (computed == printed)
        {
            yield break;
        }

        var step = Tolerance.UnitOf(decimals);
        var severity = Math.Abs(computed - printed) <= step ? Severity.Warning : Severity.Error;
        var note = severity == Severity.Warning ? " (off by one in the last printed digit, probably rounding)" : string.Empty;
        var msg = string.Create(CultureInfo.InvariantCulture,
            $"text {what}: {figure.Amount} of {b} is {computed}%, the text prints {printed}%{note}");
        yield return new Finding(CheckIds.TextShare, severity, msg, tableKey, code, column, computed, printed, figure.Line);
    }

    private static TableRow? FindClass(BudgetTable t5, TextClassShare c)
    {
        var rows = t5.Rows.Where(r => r.Code is { Length: 3 }).ToList();
        return c.Code is { } code
            ? rows.FirstOrDefault(r => r.Code == code)
            : rows.FirstOrDefault(r => Names.Same(r.ItemName, c.ClassName));
    }

    /// <summary>The 表5 row of a text item: by code when known, otherwise by the 类 / 款 / 项 names along the hierarchy.</summary>
    public static TableRow? FindItem(BudgetTable t5, TextItem item)
    {
        ArgumentNullException.ThrowIfNull(t5);
        ArgumentNullException.ThrowIfNull(item);
        return FindItem(TableSet.ByCode(t5), item);
    }

    /// <summary>As <see cref="FindItem(BudgetTable, TextItem)"/>, with 表5's rows by code built once by the caller.</summary>
    internal static TableRow? FindItem(IReadOnlyDictionary<string, List<TableRow>> byCode, TextItem item)
    {
        if (item.Code is { } code)
        {
            return byCode.GetValueOrDefault(code)?[0];
        }

        string? NameOf(string c) => byCode.GetValueOrDefault(c)?[0].ItemName;
        var level = item.ItemName is not null ? 7 : item.SectionName is not null ? 5 : 3;
        foreach (var (c, rows) in byCode)
        {
            if (c.Length != level)
            {
                continue;
            }

            var ok = (item.ItemName is null || Names.Same(rows[0].ItemName, item.ItemName))
                && (item.SectionName is null || Names.Same(NameOf(c[..5]) ?? string.Empty, item.SectionName))
                && (item.ClassName is null || Names.Same(NameOf(c[..3]) ?? string.Empty, item.ClassName));
            if (ok)
            {
                return rows[0];
            }
        }

        return null;
    }
}
