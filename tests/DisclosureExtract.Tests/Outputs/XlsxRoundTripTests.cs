using System.Globalization;
using DisclosureExtract.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace DisclosureExtract.Tests.Outputs;

[Collection(OutputsCollection.Name)]
public class XlsxRoundTripTests(OutputsFixture fx)
{
    private static readonly Dictionary<string, string> Headings = new()
    {
        ["科目编码"] = "code", ["层级"] = "code_level", ["行"] = "row_key", ["项目"] = "item_name", ["项目名称"] = "project_name",
    };

    /// <summary>A sheet's cells by row number and column letter: (text or number as written, style index).</summary>
    private static SortedDictionary<int, SortedDictionary<string, (string Value, uint Style, bool Number)>> Cells(WorksheetPart part)
    {
        var rows = new SortedDictionary<int, SortedDictionary<string, (string, uint, bool)>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = new SortedDictionary<string, (string, uint, bool)>(StringComparer.Ordinal);
            foreach (var c in row.Elements<Cell>())
            {
                var reference = c.CellReference!.Value!;
                var column = new string(reference.TakeWhile(char.IsLetter).ToArray());
                var number = c.DataType is null;
                cells[column] = (number ? c.CellValue!.Text : c.InlineString!.InnerText, c.StyleIndex?.Value ?? 0, number);
            }

            rows[(int)row.RowIndex!.Value] = cells;
        }

        return rows;
    }

    private static IEnumerable<(string Name, WorksheetPart Part)> Sheets(SpreadsheetDocument doc)
    {
        var wb = doc.WorkbookPart!;
        return wb.Workbook.Descendants<Sheet>().Select(s => (s.Name!.Value!, (WorksheetPart)wb.GetPartById(s.Id!.Value!)));
    }

    private List<string> Documents() =>
        fx.Csv("documents.csv").Rows.Where(r => r[^1].StartsWith("duplicate of", StringComparison.Ordinal) is false && r[^2] != "failed").Select(r => r[0]).ToList();

    [Fact]
    public void Every_workbook_is_valid_spreadsheetml()
    {
        var validator = new OpenXmlValidator();
        foreach (var file in Directory.GetFiles(Path.Combine(fx.Dir, "xlsx")))
        {
            using var doc = SpreadsheetDocument.Open(file, false);
            var errors = validator.Validate(doc).Take(5).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void The_table_sheets_hold_every_line_item_of_the_document_with_its_printed_amount_and_column()
    {
        var (header, items) = fx.Csv("line_items.csv");
        int Col(string name) => Array.IndexOf(header, name);
        var checkedDocs = 0;
        foreach (var id in Documents())
        {
            // a column is headed by the printed header of its first value (a two-sided table's one amount column holds
            // both sides), else by the schema's label of its key
            var docItems = items.Where(r => r[0] == id).ToList();
            string Heading(string[] r) =>
                docItems.FirstOrDefault(x => x[Col("table_no")] == r[Col("table_no")] && x[Col("column_key")] == r[Col("column_key")]
                    && (r[Col("column_key")] != "unknown" || x[Col("column_label")] == r[Col("column_label")]) && x[Col("column_label")].Length > 0)?[Col("column_label")]
                ?? DisclosureExtract.Export.Schema.Current.ColumnLabel(r[Col("column_key")]);
            var expected = docItems
                .Select(r => string.Join("|", r[Col("table_no")], r[Col("code")], r[Col("row_key")], r[Col("item_name")], r[Col("project_name")],
                    $"{Heading(r)}（{r[Col("unit")]}）", decimal.Parse(r[Col("amount")], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), LongCsv.ScaleOf(r[Col("amount")])))
                .Order(StringComparer.Ordinal).ToList();
            var actual = new List<string>();
            using var doc = SpreadsheetDocument.Open(Path.Combine(fx.Dir, "xlsx", id + ".xlsx"), false);
            foreach (var (name, part) in Sheets(doc).Where(s => char.IsDigit(s.Name[0])))
            {
                var tableNo = int.Parse(name[..2], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                var cells = Cells(part);
                var heads = cells[3];
                var ws = part.Worksheet;
                Assert.Equal("frozen", ws.Descendants<Pane>().Single().State!.InnerText);
                if (cells.Keys.Max() > 3)
                {
                    Assert.Equal($"A3:{heads.Keys.OrderBy(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).Last()}{cells.Keys.Max()}", ws.Descendants<AutoFilter>().Single().Reference!.Value);
                }

                foreach (var (rowNo, row) in cells.Where(r => r.Key > 3))
                {
                    string Name(string key) => heads.FirstOrDefault(h => Headings.GetValueOrDefault(h.Value.Value) == key) is { Key: { } col } && row.TryGetValue(col, out var v) ? v.Value : string.Empty;
                    foreach (var (col, cell) in row.Where(c => c.Value.Number))
                    {
                        var scale = (int)(cell.Style >= 12 ? cell.Style - 12 : cell.Style - 5);
                        actual.Add(string.Join("|", tableNo, Name("code"), Name("row_key"), Name("item_name"), Name("project_name"), heads[col].Value,
                            decimal.Parse(cell.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), scale));
                    }
                }
            }

            Assert.Equal(expected, actual.Order(StringComparer.Ordinal).ToList());
            checkedDocs++;
        }

        Assert.True(checkedDocs >= 8);
    }

    [Fact]
    public void The_findings_sheet_holds_the_documents_findings_and_culprit_cells_are_filled_with_the_finding_as_comment()
    {
        var (header, findings) = fx.Csv("findings.csv");
        var marked = 0;
        foreach (var id in Documents())
        {
            using var doc = SpreadsheetDocument.Open(Path.Combine(fx.Dir, "xlsx", id + ".xlsx"), false);
            var sheets = Sheets(doc).ToList();
            var cells = Cells(sheets.Single(s => s.Name == "findings").Part);
            var mine = findings.Where(r => r[0] == id).ToList();
            Assert.Equal(mine.Count, cells.Count - 1);
            var heads = cells[1].ToDictionary(c => c.Value.Value, c => c.Key);
            for (var i = 0; i < mine.Count; i++)
            {
                var row = cells[i + 2];
                for (var c = 0; c < header.Length; c++)
                {
                    var value = row.TryGetValue(heads[header[c]], out var v) ? v.Value : string.Empty;
                    Assert.True(value == mine[i][c] || (v.Number && OutputsFixture.SameAmount(value, mine[i][c])), $"{id} finding {i + 1} {header[c]}: '{mine[i][c]}' vs '{value}'");
                }

                if (row.TryGetValue(heads["cell"], out var link))
                {
                    // the linked cell is filled red and carries the finding's message as its comment
                    var sheetName = link.Value[1..link.Value.IndexOf("'!", StringComparison.Ordinal)];
                    var at = link.Value[(link.Value.IndexOf('!', StringComparison.Ordinal) + 1)..];
                    var part = sheets.Single(s => s.Name == sheetName).Part;
                    var target = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == at);
                    Assert.InRange(target.StyleIndex!.Value, 4u, 18u);
                    Assert.NotEqual(5u, target.StyleIndex!.Value);
                    var comment = part.WorksheetCommentsPart!.Comments.Descendants<Comment>().Single(c => c.Reference == at);
                    Assert.Contains(mine[i][Array.IndexOf(header, "message")], comment.InnerText, StringComparison.Ordinal);
                    Assert.NotNull(part.VmlDrawingParts.SingleOrDefault());
                    marked++;
                }
            }

            var document = Cells(sheets.Single(s => s.Name == "document").Part);
            Assert.Equal(id, document.Values.Single(r => r["A"].Value == "document_id")["B"].Value);
        }

        Assert.True(marked >= 10, $"{marked} culprit cells");
    }
}
