using System.Globalization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// 比上年增加 X 万元，增长 Y%: last year's amount is this year's minus the change, and Y must be X over it. The printed
/// amounts are themselves rounded (±half a unit of their last digit), so Y is accepted when some amounts within that
/// rounding give it; otherwise one unit off in Y's last digit is a warning and more is an error. A change from nothing
/// (last year 0, 增长 100% by convention) is not checked.
/// </summary>
public static class ChangeRateCheck
{
    public static IEnumerable<Finding> Run(TextFigures text) => Run(text, null);

    /// <param name="text">The figures of the text.</param>
    /// <param name="quote">The sentence of a line that states an amount, to quote in messages; null for none.</param>
    public static IEnumerable<Finding> Run(TextFigures text, Func<int, decimal, string?>? quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var figures = new List<(string What, TextFigure Figure)>();
        void Add(string what, TextFigure? f)
        {
            if (f is not null)
            {
                figures.Add((what, f));
            }
        }

        Add("收支总预算", text.TotalBudget);
        Add("收入预算", text.IncomeTotal);
        foreach (var (k, f) in text.IncomeParts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add($"收入预算 {k}", f);
        }

        Add("支出预算", text.ExpenditureTotal);
        Add("基本支出", text.Basic);
        Add("项目支出", text.Project);
        Add("一般公共预算拨款合计", text.GeneralBudgetTotal);
        Add("机关运行经费", text.OperatingExpenses);
        foreach (var (k, f) in text.ThreePublic.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add($"三公经费 {k}", f);
        }

        foreach (var i in text.Items)
        {
            Add($"{i.ClassName}（类）{i.SectionName}（款）{i.ItemName}（项）", new TextFigure(i.Amount, i.Line, null, i.Change, i.ChangeRate));
        }

        foreach (var (what, f) in figures)
        {
            if (Check(what, f) is { } finding)
            {
                yield return quote?.Invoke(f.Line, f.Amount) is { } q ? finding with { Message = finding.Message.Replace($"text {what}:", $"text {what} “{q}”:", StringComparison.Ordinal) } : finding;
            }
        }
    }

    /// <summary>The finding for one figure's growth rate, or null when it follows from the amounts.</summary>
    public static Finding? Check(string what, TextFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (figure.Change is not { } change || figure.ChangeRate is not { } printed)
        {
            return null;
        }

        var previous = figure.Amount - change;
        if (previous <= 0m)
        {
            return null;
        }

        var decimals = printed.Scale;
        var computed = Math.Round(change / previous * 100m, decimals, MidpointRounding.AwayFromZero);
        if (computed == printed)
        {
            return null;
        }

        // the rates that amounts within their printed rounding give
        var ha = HalfUnit(figure.Amount);
        var hc = HalfUnit(change);
        var rates = new List<decimal>();
        foreach (var a in new[] { figure.Amount - ha, figure.Amount + ha })
        {
            foreach (var c in new[] { change - hc, change + hc })
            {
                if (a - c > 0m)
                {
                    rates.Add(c / (a - c) * 100m);
                }
            }
        }

        if (rates.Count == 4)
        {
            var low = Math.Round(rates.Min(), decimals, MidpointRounding.AwayFromZero);
            var high = Math.Round(rates.Max(), decimals, MidpointRounding.AwayFromZero);
            if (printed >= low && printed <= high)
            {
                return null;
            }
        }

        var step = Tolerance.UnitOf(decimals);
        var severity = Math.Abs(computed - printed) <= step ? Severity.Warning : Severity.Error;
        var note = severity == Severity.Warning ? " (off by one in the last printed digit, probably rounding)" : string.Empty;
        var msg = string.Create(CultureInfo.InvariantCulture,
            $"text {what}: a change of {change} on last year's {previous} is {computed}%, the text prints {printed}%{note}");
        return new Finding(CheckIds.TextChangeRate, severity, msg, null, null, null, computed, printed, figure.Line);
    }

    private static decimal HalfUnit(decimal printed) => Tolerance.UnitOf(printed.Scale) / 2m;
}
