using System.Globalization;
using DisclosureExtract.Model;
using DisclosureExtract.Text;

namespace DisclosureExtract.Export;

/// <summary>A row of projects.csv (docs/explanation.md).</summary>
public sealed record ProjectRow(
    string document_id,
    int seq,
    string project_name,
    string policy_basis,
    string policy_documents,
    string amount,
    string unit,
    string executing_unit,
    string allocation,
    string period,
    string start_date,
    string end_date,
    string source_page,
    string source_line);

/// <summary>A row of explanations.csv: one stated figure or one per-item explanation (docs/explanation.md).</summary>
public sealed record ExplanationRow(
    string document_id,
    string section,
    string key,
    string label,
    string code,
    string code_source,
    string amount,
    string unit,
    string quantity,
    string quantity_unit,
    string share_percent,
    string change_direction,
    string change_amount,
    string change_unit,
    string change_rate_percent,
    string reason,
    string budget_amount,
    string completion_percent,
    string source_page,
    string source_line);

/// <summary>A row of indicators.csv: one indicator of a performance target table (docs/explanation.md).</summary>
public sealed record IndicatorRow(
    string document_id,
    int table_seq,
    string table_kind,
    string table_subject,
    string table_owner,
    string table_budget_total,
    string table_sources,
    int seq,
    string level1,
    string level2,
    string indicator,
    string value_text,
    string @operator,
    string value,
    string value_unit,
    string qualitative,
    string basis,
    string prior_year,
    string weight,
    string scoring_rule,
    string evidence,
    string source_page,
    string source_line);

/// <summary>Projects the explanation data of a result onto the rows of projects.csv, explanations.csv and indicators.csv.</summary>
public static class ExplanationRows
{
    private static string S(decimal? v) => v is { } d ? TextNormalizer.Invariant(d) : string.Empty;

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static (string Page, string Line) Where(ConversionResult r, int? index)
    {
        var lines = r.Source?.Lines;
        if (lines is null || index is not { } i || i < 0 || i >= lines.Count)
        {
            return (string.Empty, string.Empty);
        }

        var l = lines[i];
        return (l.Page?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, l.Number.ToString(CultureInfo.InvariantCulture));
    }

    public static IEnumerable<ProjectRow> Projects(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        foreach (var p in r.Explanation?.Projects ?? [])
        {
            var (page, line) = Where(r, p.AmountLine ?? p.Line);
            yield return new ProjectRow(r.DocumentId, p.Seq, p.Name, p.PolicyBasis ?? string.Empty, string.Join(';', p.PolicyDocuments),
                S(p.Amount), p.Amount is null ? string.Empty : p.Unit, p.ExecutingUnit ?? string.Empty, p.Allocation ?? string.Empty,
                p.Period ?? string.Empty, D(p.Start), D(p.End), page, line);
        }
    }

    public static IEnumerable<ExplanationRow> Explanations(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var data = r.Explanation;
        if (data is null)
        {
            yield break;
        }

        foreach (var f in data.Figures)
        {
            var (page, line) = Where(r, f.Line);
            yield return new ExplanationRow(r.DocumentId, f.Section, f.Key, f.Label, f.Code ?? string.Empty, f.CodeSource ?? string.Empty,
                S(f.Amount), f.Amount is null ? string.Empty : f.Unit, S(f.Quantity), f.QuantityUnit ?? string.Empty, S(f.Share),
                f.Change?.Direction ?? string.Empty, S(f.Change?.Amount), f.Change?.Unit ?? string.Empty, S(f.Change?.Rate), f.Reason ?? string.Empty,
                S(f.Budget), S(f.CompletionRate), page, line);
        }

        foreach (var i in data.Items)
        {
            var (page, line) = Where(r, i.Line);
            yield return new ExplanationRow(r.DocumentId, "item", i.CodeLevelKey, i.Path, i.Code ?? string.Empty, i.CodeSource ?? string.Empty,
                S(i.Amount), i.Unit, string.Empty, string.Empty, string.Empty,
                i.Change?.Direction ?? string.Empty, S(i.Change?.Amount), i.Change?.Unit ?? string.Empty, S(i.Change?.Rate), i.Reason ?? string.Empty,
                S(i.Budget), S(i.CompletionRate), page, line);
        }
    }

    public static IEnumerable<IndicatorRow> Indicators(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        foreach (var t in r.Explanation?.PerformanceTables ?? [])
        {
            var sources = string.Join(';', t.Sources.Select(s => s.Label + "=" + TextNormalizer.Invariant(s.Amount)));
            foreach (var i in t.Indicators)
            {
                var (page, line) = Where(r, i.Line);
                yield return new IndicatorRow(r.DocumentId, t.Seq, t.Kind, t.Subject ?? string.Empty, t.Owner ?? string.Empty, S(t.BudgetTotal), sources,
                    i.Seq, i.Level1 ?? string.Empty, i.Level2 ?? string.Empty, i.Name, i.ValueText, i.Operator ?? string.Empty, S(i.Value), i.Unit ?? string.Empty,
                    i.Qualitative ?? string.Empty, i.Basis ?? string.Empty, i.PriorYear ?? string.Empty, S(i.Weight), i.ScoringRule ?? string.Empty,
                    i.Evidence ?? string.Empty, page, line);
            }
        }
    }
}
