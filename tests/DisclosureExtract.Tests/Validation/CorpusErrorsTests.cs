using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;

namespace DisclosureExtract.Tests.Validation;

/// <summary>
/// The whole pipeline on the corpus documents with exact goldens: the errors that remain are the real inconsistencies
/// listed with their evidence in Golden/line_items/*.notes.md, and the internally consistent documents (and the two
/// Shanghai budgets) have none.
/// </summary>
public sealed class CorpusErrorsTests
{
    private static string Key(Finding f) => $"{f.Check}|{f.TableKey}|{f.Code}|{f.ColumnKey}|{(f.Line is { } l ? l + 1 : 0)}|{f.Role}";

    [Theory]
    [InlineData("tekes-2023", new[]
    {
        "hierarchy_sum|general_budget_project_expenditure|21012|household_subsidy|769|culprit",
        "hierarchy_sum|income_summary|210|total|276|unexplained",
        "hierarchy_sum|income_summary|210|fiscal_carryover|276|unexplained",
        "cross_rows|income_summary|2100399|total|284|unexplained",
        "text_change_rate||||1037|ambiguous",
    })]
    [InlineData("bayingol-2023", new[]
    {
        "text_amount|expenditure_summary||total|356|culprit",
        "text_amount|expenditure_summary||project|360|culprit",
        "text_share|general_budget_expenditure|208|total|388|culprit",
        "text_share|general_budget_expenditure|210|total|390|culprit",
        "text_share|general_budget_expenditure|221|total|392|culprit",
    })]
    [InlineData("kizilsu-2025", new string[0])]
    [InlineData("shanshan-2024", new string[0])]
    public void Text_documents_have_only_their_real_errors(string id, string[] expected)
    {
        var r = new DisclosurePipeline().Convert(new InputFile(TestPaths.Corpus("text", id + ".txt"), id));
        Assert.Equal(expected.Order(StringComparer.Ordinal), r.Findings.Where(f => f.Severity == Severity.Error).Select(Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("shanghai_putuo_govoffice_2025_dept_budget")]
    [InlineData("shanghai_putuo_wanli_street_2024_dept_budget")]
    public void The_Shanghai_budgets_have_no_error(string id)
    {
        var r = DisclosurePipeline.Analyze(Pdf.PdfCorpus.Read(id));
        Assert.DoesNotContain(r.Findings, f => f.Severity == Severity.Error);
    }
}
