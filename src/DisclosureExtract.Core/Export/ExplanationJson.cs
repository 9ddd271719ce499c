using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>The explanation part in a document's JSON: the same records as the model, with line indices turned into source references.</summary>
public sealed record ExplanationJson(
    IReadOnlyList<ExplanationJson.FigureJson> Figures,
    IReadOnlyList<ExplanationJson.ProjectJson> Projects,
    IReadOnlyList<ExplanationJson.ItemJson> Items,
    IReadOnlyList<ExplanationJson.TableJson> PerformanceTables)
{
    public sealed record FigureJson(string Section, string Key, string Label, string? Code, string? CodeSource, decimal? Amount, string Unit, decimal? Quantity, string? QuantityUnit, decimal? Share, YearChange? Change, string? Reason, JsonOutput.SourceRef Source)
    {
        /// <summary>Final accounts: 年初预算数 (the amount is the 决算数); not written when null.</summary>
        public decimal? Budget { get; init; }

        /// <summary>Final accounts: 完成年初预算的 x%; not written when null.</summary>
        public decimal? CompletionRate { get; init; }
    }

    public sealed record ProjectJson(int Seq, string Name, string? PolicyBasis, IReadOnlyList<string> PolicyDocuments, decimal? Amount, string Unit, string? ExecutingUnit, string? Allocation, string? Period, DateOnly? Start, DateOnly? End, JsonOutput.SourceRef Source, JsonOutput.SourceRef? AmountSource);

    public sealed record ItemJson(int Seq, string Path, string? ClassName, string? SectionName, string? ItemName, string? Code, string? CodeSource, decimal? Amount, string Unit, YearChange? Change, string? Reason, JsonOutput.SourceRef Source)
    {
        /// <summary>Final accounts: 年初预算数 (the amount is the 决算数); not written when null.</summary>
        public decimal? Budget { get; init; }

        /// <summary>Final accounts: 完成年初预算的 x%; not written when null.</summary>
        public decimal? CompletionRate { get; init; }
    }

    public sealed record IndicatorJson(int Seq, string? Level1, string? Level2, string Name, string ValueText, string? Operator, decimal? Value, string? Unit, string? Qualitative, string? Basis, string? PriorYear, decimal? Weight, string? ScoringRule, string? Evidence, JsonOutput.SourceRef Source);

    public sealed record SourceJson(string Label, decimal Amount, JsonOutput.SourceRef Source);

    public sealed record TableJson(int Seq, string Kind, string Title, string? Subject, string? Owner, decimal? BudgetTotal, IReadOnlyList<SourceJson> Sources, string? Goal, IReadOnlyList<IndicatorJson> Indicators, JsonOutput.SourceRef Source);

    public static ExplanationJson Of(ExplanationData data, Func<int, JsonOutput.SourceRef> at)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(at);
        return new ExplanationJson(
            data.Figures.Select(f => new FigureJson(f.Section, f.Key, f.Label, f.Code, f.CodeSource, f.Amount, f.Unit, f.Quantity, f.QuantityUnit, f.Share, f.Change, f.Reason, at(f.Line))
            {
                Budget = f.Budget,
                CompletionRate = f.CompletionRate,
            }).ToList(),
            data.Projects.Select(p => new ProjectJson(p.Seq, p.Name, p.PolicyBasis, p.PolicyDocuments, p.Amount, p.Unit, p.ExecutingUnit, p.Allocation, p.Period, p.Start, p.End, at(p.Line), p.AmountLine is { } l ? at(l) : null)).ToList(),
            data.Items.Select(i => new ItemJson(i.Seq, i.Path, i.ClassName, i.SectionName, i.ItemName, i.Code, i.CodeSource, i.Amount, i.Unit, i.Change, i.Reason, at(i.Line))
            {
                Budget = i.Budget,
                CompletionRate = i.CompletionRate,
            }).ToList(),
            data.PerformanceTables.Select(t => new TableJson(t.Seq, t.Kind, t.Title, t.Subject, t.Owner, t.BudgetTotal,
                t.Sources.Select(s => new SourceJson(s.Label, s.Amount, at(s.Line))).ToList(), t.Goal,
                t.Indicators.Select(i => new IndicatorJson(i.Seq, i.Level1, i.Level2, i.Name, i.ValueText, i.Operator, i.Value, i.Unit, i.Qualitative, i.Basis, i.PriorYear, i.Weight, i.ScoringRule, i.Evidence, at(i.Line))).ToList(),
                at(t.Line))).ToList());
    }
}
