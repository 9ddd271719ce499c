using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Validation;

/// <summary>
/// Values that cannot be right in their unit: an asset value in 万元 larger than <see cref="BudgetMultiple"/> times the
/// unit's whole annual budget, or a vehicle worth more than <see cref="MaxVehicleValue"/> 万元 on average — the
/// signature of figures in 元 labelled 万元. Reported, never changed.
/// </summary>
public static class PlausibilityCheck
{
    /// <summary>An asset total more than this many times the annual budget is implausible for a budget unit.</summary>
    public const decimal BudgetMultiple = 100m;

    /// <summary>The average value of one vehicle, in 万元, above which the figure cannot be 万元.</summary>
    public const decimal MaxVehicleValue = 500m;

    public static IEnumerable<Finding> Run(TableSet tables, TextFigures? text)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (text is null)
        {
            yield break;
        }

        var budget = BudgetOf(tables, text);
        foreach (var a in text.Assets)
        {
            string? reason = null;
            if (budget is { } b && b > 0m && a.Value > b * BudgetMultiple)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"more than {BudgetMultiple} times the whole budget of {b} 万元");
            }
            else if (a.Count is > 0 && a.Value / a.Count.Value > MaxVehicleValue && a.Kind.Contains('车', StringComparison.Ordinal))
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"{a.Value / a.Count.Value:0.##} 万元 per vehicle");
            }

            if (reason is not null)
            {
                var quoted = tables.Sentence(a.Line, a.Value) is { } q ? $" “{q}”" : string.Empty;
                var msg = string.Create(CultureInfo.InvariantCulture,
                    $"asset value {a.Kind} {a.Value} 万元{quoted} is implausible ({reason}); it looks like an amount in 元 labelled 万元 ({a.Value / 10000m} 万元 if so)");
                yield return new Finding(CheckIds.ImplausibleValue, Severity.Warning, msg, null, null, null, null, a.Value, a.Line);
            }
        }
    }

    /// <summary>The whole budget in 万元: the table figure the text's 收支总预算 (or 支出预算) restates, else the text's own figure.</summary>
    private static decimal? BudgetOf(TableSet tables, TextFigures text)
    {
        foreach (var (section, key) in new[] { ("total", "total"), ("expenditure", "total") })
        {
            if (TextRules.For(tables.Catalog).FirstOrDefault(r => r.Matches(section, key)) is not { } rule)
            {
                continue;
            }

            foreach (var a in rule.Against)
            {
                if (tables.Get(a.Table) is { } t && TableSet.KeyRow(t, a.Row ?? "total", a.Side) is { } row
                    && a.Columns.Select(c => row.AmountIn(c)).FirstOrDefault(v => v is not null) is { } v)
                {
                    return v * TableSet.ToWan(t);
                }
            }
        }

        return text.TotalBudget?.Amount ?? text.IncomeTotal?.Amount;
    }
}
