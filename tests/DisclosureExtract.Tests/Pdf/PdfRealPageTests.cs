using DisclosureExtract.Model;
using DisclosureExtract.Reading;

namespace DisclosureExtract.Tests.Pdf;

/// <summary>
/// Single pages of real disclosures of other publishers (Fixtures/, copied with PdfPig's PdfMerger from
/// corpus/real/): each shows one layout the reader has to read as pdftotext -layout does.
/// </summary>
public class PdfRealPageTests
{
    private static SourceDocument Fixture(string name)
    {
        var path = Path.Combine(TestPaths.Root, "tests", "DisclosureExtract.Tests", "Pdf", "Fixtures", name);
        return new PdfDocumentReader().Read(name, path, File.ReadAllBytes(path), "");
    }

    private static string[] Cells(DocLine line) => line.Cells!.Select(c => c.Text).ToArray();

    private static DocLine Row(SourceDocument doc, int column, string text) =>
        doc.Lines.Single(l => l.Cells is not null && l.Cells[column].Text == text);

    [Fact]
    public void A_page_whose_text_is_drawn_turned_against_its_rotate_entry_reads_left_to_right()
    {
        // yantai_govoffice_2026_dept_budget.pdf page 10 (公开表2): /Rotate 90, the text drawn turned so that it
        // reads left to right once displayed; reading it "as written" gave vertical fragments (入收款拨, one digit a line)
        var doc = Fixture("yantai-govoffice-2026-page10-turned-text.pdf");

        Assert.Equal(["公开表2", "收入总体情况表", "部门（单位）：烟台市人民政府办公室 单位：万元"], doc.Lines.Take(3).Select(l => l.Text));
        Assert.Equal(["201", "", "", "一般公共服务支出", "8,105.31", "8,012.30", "8,012.30", "", "", "", "", "", "93.01", "", "", "", ""],
            Cells(Row(doc, 3, "一般公共服务支出")));
        Assert.Equal(["", "03", "", "政府办公厅（室）及相关机构事务", "8,105.31"], Cells(Row(doc, 1, "03")).Take(5));
        var header = doc.Lines.First(l => l.Cells is not null);
        Assert.Equal(["科目编码", "", "", "科目名称", "合计", "财政拨款收入"], Cells(header).Take(6));
    }
}
