using System.Text;
using DisclosureExtract.Cli;

namespace DisclosureExtract.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, Run("convert").Code);
        Assert.Equal(2, Run("convert", "x.txt", "--jobs", "0").Code);
        Assert.Equal(2, Run("frobnicate").Code);
    }

    [Fact]
    public void Bench_takes_the_pdfs_convert_would_find_in_the_folder()
    {
        var dir = TestPaths.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "province", "city"));
        File.Copy(TestPaths.Corpus("pdf", "tekes-2023.pdf"), Path.Combine(dir, "b.pdf"));
        File.Copy(TestPaths.Corpus("pdf", "tekes-2023.pdf"), Path.Combine(dir, "province", "city", "a.PDF"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a PDF");

        var files = BenchVerb.PdfFiles(dir);

        Assert.Equal([Path.Combine(dir, "b.pdf"), Path.Combine(dir, "province", "city", "a.PDF")], files);
        Assert.Empty(BenchVerb.PdfFiles(Path.Combine(dir, "missing")));
    }

    [Fact]
    public void A_bad_file_fails_with_its_reason_and_the_batch_goes_on()
    {
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(TestPaths.Corpus("text", "tekes-2023.txt"), Path.Combine(input, "tekes-2023.txt"));
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "junk.txt"), [0, 1, 2, 3, 0xFF, 0, 9]);
        var outDir = Path.Combine(dir, "out");

        var (code, _, err) = Run("convert", input, "--out", outDir, "--no-progress");

        Assert.Equal(1, code);
        Assert.Contains("empty file", err, StringComparison.Ordinal);
        var docs = File.ReadAllLines(Path.Combine(outDir, "documents.csv"), Encoding.UTF8);
        Assert.Equal(4, docs.Length);
        Assert.Contains(docs, l => l.StartsWith("empty,", StringComparison.Ordinal) && l.EndsWith(",failed,empty file", StringComparison.Ordinal));
        Assert.Contains(docs, l => l.StartsWith("junk,", StringComparison.Ordinal) && l.EndsWith(",failed,\"binary data, not a text document\"", StringComparison.Ordinal));
        Assert.Contains(docs, l => l.StartsWith("tekes-2023,", StringComparison.Ordinal) && l.Contains(",converted,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "json", "tekes-2023.json")));
    }

    [Fact]
    public void Csv_files_start_with_a_bom_and_have_the_contract_header_even_when_empty()
    {
        var dir = TestPaths.TempDir();
        var input = Path.Combine(dir, "empty.txt");
        File.WriteAllBytes(input, []);
        var outDir = Path.Combine(dir, "out");

        Run("convert", input, "--out", outDir, "--no-progress");

        var bytes = File.ReadAllBytes(Path.Combine(outDir, "line_items.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = File.ReadAllLines(Path.Combine(outDir, "line_items.csv"), Encoding.UTF8);
        Assert.Equal(["document_id,unit_name,kind,budget_year,table_no,table_key,sub_unit,code,code_level,row_key,item_name,project_name,column_key,column_label,amount,unit,amount_cny,source_page,source_line"], header);
        Assert.Equal("document_id,check,severity,table_key,code,column_key,expected,actual,difference,message,source_line,group,role",
            File.ReadAllLines(Path.Combine(outDir, "findings.csv"), Encoding.UTF8)[0]);
    }

    [Fact]
    public void An_output_folder_inside_an_input_folder_is_refused()
    {
        var dir = TestPaths.TempDir();
        File.WriteAllText(Path.Combine(dir, "a.txt"), "x");
        var (code, _, err) = Run("convert", dir, "--out", Path.Combine(dir, "out"), "--no-progress");
        Assert.Equal(2, code);
        Assert.Contains("overlaps the input folder", err, StringComparison.Ordinal);
    }
}

public class StrictModeTests
{
    [Fact]
    public void Strict_exits_1_when_a_document_has_a_validation_error_and_0_otherwise()
    {
        var dir = TestPaths.TempDir();
        int Run(string id, bool strict)
        {
            string[] args = ["convert", TestPaths.Corpus("text", id + ".txt"), "--out", Path.Combine(dir, id + strict), "--no-progress"];
            return CliApp.Run(strict ? [.. args, "--strict"] : args, new StringWriter(), new StringWriter());
        }

        // tekes-2023 has errors in its tables (表2 row 210, 表7 row 21012); shanshan-2024 has none
        Assert.Equal(0, Run("tekes-2023", strict: false));
        Assert.Equal(1, Run("tekes-2023", strict: true));
        Assert.Equal(0, Run("shanshan-2024", strict: true));
    }
}
