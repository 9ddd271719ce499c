using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using DisclosureExtract.Reading;
using DisclosureExtract.Validation;

namespace DisclosureExtract.Tests.Validation;

/// <summary>Validation findings on the real tekes-2023 text flow to findings.csv, documents.csv and the JSON with the source line.</summary>
public sealed class FindingsOutputTests
{
    [Fact]
    public void Findings_reach_findings_csv_documents_csv_and_json_with_their_source_line()
    {
        var path = TestPaths.Corpus("text", "tekes-2023.txt");
        var bytes = File.ReadAllBytes(path);
        var doc = new PlainTextReader().Read("tekes-2023", path, bytes, "sha");
        var analyzed = DisclosurePipeline.Analyze(doc);
        var tables = CorpusTables.Load("tekes-2023");

        // the fixture's line indices point at the lines the reader produced
        var row210 = tables.Single(t => t.TableNo == 2).Rows.Single(r => r.Code == "210");
        Assert.StartsWith("210 卫生健康支出 1202.75", doc.Lines[row210.Line].Norm, StringComparison.Ordinal);

        var findings = Validator.Validate(doc, analyzed.Parts, analyzed.Facts!, tables,
            TextFiguresFromExplanation.Map(analyzed.Explanation ?? ExplanationData.Empty));
        var cross = findings.Single(f => f.Check == CheckIds.CrossRows && f.Code == "21003");
        Assert.Contains("(line 278) against 表3 21003 基层医疗卫生机构 total 228.08 (line 368)", cross.Message, StringComparison.Ordinal);
        var result = analyzed with { Tables = tables, Findings = findings };
        var outDir = TestPaths.TempDir();
        OutputWriter.Write(outDir, [result]);

        var csv = File.ReadAllText(Path.Combine(outDir, "findings.csv"));
        var line = Assert.Single(csv.Split('\n'), l => l.StartsWith("tekes-2023,hierarchy_sum,error,income_summary,210,total,1126.25,1202.75,76.50,", StringComparison.Ordinal));
        Assert.EndsWith(",276,1,unexplained", line.TrimEnd('\r'), StringComparison.Ordinal);
        var culprit = Assert.Single(csv.Split('\n'), l => l.Contains(",culprit", StringComparison.Ordinal));
        Assert.StartsWith("tekes-2023,hierarchy_sum,error,general_budget_project_expenditure,21012,household_subsidy,724.71,664.71,-60.00,", culprit, StringComparison.Ordinal);
        var documents = File.ReadAllLines(Path.Combine(outDir, "documents.csv"));
        var header = documents[0].Split(',');
        var values = documents[1].Split(',');
        Assert.Equal(findings.Count(f => f.Severity == Severity.Error).ToString(System.Globalization.CultureInfo.InvariantCulture), values[Array.IndexOf(header, "findings_errors")]);
        // one error per inconsistency: 表2 210 (two places and 2100399, which no single number explains), the culprit of 表7
        // 21012, and the text's own growth rate at lines 1037-1043 (26.36% where 6.52 on 24.78 is 26.31%)
        Assert.Equal("5", values[Array.IndexOf(header, "findings_errors")]);
        var json = File.ReadAllText(Path.Combine(outDir, "json", "tekes-2023.json"));
        Assert.Contains("hierarchy_sum", json, StringComparison.Ordinal);
        Assert.Contains("\"culprit\"", json, StringComparison.Ordinal);
    }
}
