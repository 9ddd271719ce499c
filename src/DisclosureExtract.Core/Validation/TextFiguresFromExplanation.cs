using DisclosureExtract.Model;

namespace DisclosureExtract.Validation;

/// <summary>
/// Maps the explanation extractor's data (the single parser of 第三部分) onto the figures the text checks need.
/// Amounts printed in 元 are converted to 万元, the unit the checks compare in.
/// </summary>
public static class TextFiguresFromExplanation
{
    public static TextFigures Map(ExplanationData x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new TextFigures
        {
            TotalBudget = Figure(x.Figure("total", "total")),
            IncomeTotal = Figure(x.Figure("income", "total")),
            IncomeParts = Keyed(x.Figures.Where(f => f.Section == "income" && f.Key != "total")),
            ExpenditureTotal = Figure(x.Figure("expenditure", "total")),
            Basic = Figure(x.Figure("expenditure", "basic")),
            Project = Figure(x.Figure("expenditure", "project")),
            FiscalTotal = Figure(x.Figure("fiscal", "total")),
            GeneralBudgetTotal = Figure(x.Figure("general_budget", "total")),
            GeneralBudgetClasses = x.Figures
                .Where(f => f.Section == "structure" && f.Amount is not null)
                .Select(f => new TextClassShare(f.Code, f.Label, WanYuan(f.Amount!.Value, f.Unit), f.Line, f.Share))
                .ToList(),
            Items = x.Items
                .Where(i => i.Amount is not null)
                .Select(i => new TextItem(i.Code, i.ClassName, i.SectionName, i.ItemName, WanYuan(i.Amount!.Value, i.Unit), i.Line,
                    i.Change?.SignedAmount is { } c ? WanYuan(c, i.Change.Unit ?? i.Unit) : null, i.Change?.SignedRate))
                .ToList(),
            Personnel = Figure(x.Figure("basic", "personnel")),
            PublicUse = Figure(x.Figure("basic", "public_use")),
            ThreePublic = Keyed(x.Figures.Where(f => f.Section == "three_public")),
            OperatingExpenses = Figure(x.Figure("operating_expenses", "total")),
            Assets = x.Figures
                .Where(f => f.Section == "assets" && f.Amount is not null)
                .Select(f => new TextAsset(string.IsNullOrEmpty(f.Key) ? f.Label : f.Key, f.Quantity is { } q ? (int)q : null, f.Amount!.Value, f.Line))
                .ToList(),
            Other = Keyed(x.Figures.Where(f => (f.Section == "expenditure" && f.Key is not ("total" or "basic" or "project")) || (f.Section == "fiscal" && f.Key != "total"))
                .Select(f => f with { Key = $"{f.Section}.{f.Key}" })),
        };
    }

    private static decimal WanYuan(decimal amount, string? unit) => unit == "元" ? amount / 10000m : amount;

    private static TextFigure? Figure(ExplanationFigure? f) =>
        f?.Amount is { } a
            ? new TextFigure(WanYuan(a, f.Unit), f.Line, f.Share,
                f.Change?.SignedAmount is { } c ? WanYuan(c, f.Change.Unit ?? f.Unit) : null, f.Change?.SignedRate)
            : null;

    private static Dictionary<string, TextFigure> Keyed(IEnumerable<ExplanationFigure> figures)
    {
        var d = new Dictionary<string, TextFigure>(StringComparer.Ordinal);
        foreach (var f in figures)
        {
            if (Figure(f) is { } t)
            {
                d.TryAdd(f.Key, t);
            }
        }

        return d;
    }
}
