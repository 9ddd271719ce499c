using DisclosureExtract.Model;
using DisclosureExtract.Reading;
using DisclosureExtract.Tables;

namespace DisclosureExtract.Tests.Tables;

/// <summary>Builds a small document from text lines and recognizes its tables.</summary>
internal static class TableTestKit
{
    public static (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) Recognize(params string[] lines)
    {
        var doc = new SourceDocument("t", "t.txt", SourceFormat.Text, "0", "utf-8", null, PlainTextReader.SplitLines(string.Join("\n", lines)));
        return TableRecognizer.Recognize(doc, []);
    }

    public static BudgetTable Table(this (IReadOnlyList<BudgetTable> Tables, IReadOnlyList<Finding> Findings) r, int no) =>
        r.Tables.Single(t => t.TableNo == no);

    public static TableRow Row(this BudgetTable t, string codeOrKey) =>
        t.Rows.Single(r => r.Code == codeOrKey || (r.Code is null && r.RowKey == codeOrKey));

    /// <summary>"total=1.00 basic=1.00" in printed order of the row's cells.</summary>
    public static string Cells(this TableRow r) =>
        string.Join(" ", r.Values.Select(v => $"{v.ColumnKey}={v.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
}
