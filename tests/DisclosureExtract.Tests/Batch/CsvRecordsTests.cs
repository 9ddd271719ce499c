using System.Globalization;
using System.Text;
using CsvHelper;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Batch;

/// <summary>The CSV writing and reading that a Native AOT build can run (no class maps or expressions made at run time)
/// gives what CsvHelper's automatic mapping gives.</summary>
public class CsvRecordsTests
{
    public sealed record Row(string document_id, int seq, string? note, string text);

    public sealed record Counted(string name, int? count);

    private static readonly Row[] Rows =
    [
        new("a,b", 1, null, "say \"hi\""),
        new(" lead", -2, "x\r\ny", "尾 "),
        new("", 0, "", "=1+2"),
        new("lf", 3, "line\nfeed", "中文，全角逗号"),
    ];

    private static string CsvHelperText<T>(IEnumerable<T> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CsvOutput.Config))
        {
            csv.WriteRecords(rows);
        }

        return text.ToString();
    }

    private static string Written<T>(IEnumerable<T> rows)
        where T : notnull
    {
        using var stream = new MemoryStream();
        CsvOutput.WriteTo(stream, rows);
        var bytes = stream.ToArray();
        Assert.Equal(CsvOutput.Utf8Bom.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    [Fact]
    public void Getters_by_reflection_give_what_compiled_getters_give()
    {
        var compiled = RowFields.Of(typeof(Row), compile: true);
        var reflected = RowFields.Of(typeof(Row), compile: false);

        Assert.Equal(["document_id", "seq", "note", "text"], reflected.Names);
        Assert.Equal(compiled.Names, reflected.Names);
        foreach (var row in Rows)
        {
            Assert.Equal(compiled.Values(row), reflected.Values(row));
        }

        Assert.Equal(["", "0", "", "=1+2"], reflected.Values(Rows[2]));
        Assert.Equal("-2", reflected.Getter("seq")!(Rows[1]));
    }

    [Fact]
    public void Getters_bound_to_the_properties_give_what_reflection_gives()
    {
        var reflected = RowFields.Of(typeof(Row), compile: false);
        var typed = RowFields.For<Row>();

        Assert.Equal(reflected.Names, typed.Names);
        foreach (var row in Rows)
        {
            Assert.Equal(reflected.Values(row), typed.Values(row));
        }

        Assert.Equal(["", "0", "", "=1+2"], typed.Values(Rows[2]));
        Assert.Same(typed, RowFields.For<Row>()); // bound once per process
        Assert.Throws<NotSupportedException>(() => RowFields.For<WithDecimal>());
    }

    public sealed record WithDecimal(string document_id, decimal amount);

    [Fact]
    public void Rows_are_written_as_CsvHelper_writes_records()
    {
        Assert.Equal(CsvHelperText(Rows), Written(Rows));
        Assert.Equal(CsvHelperText(Array.Empty<Row>()), Written(Array.Empty<Row>()));
    }

    [Fact]
    public void Rows_read_back_are_the_rows_written_and_what_CsvHelper_reads()
    {
        var text = Written(Rows);

        var ours = CsvRecords.Read<Row>(new StringReader(text), CsvOutput.Config);

        using var csv = new CsvReader(new StringReader(text), CsvOutput.Config);
        var theirs = csv.GetRecords<Row>().ToList();
        Assert.Equal(theirs, ours);

        // CsvHelper reads an empty field as "", so the row that was written with a null note comes back with ""
        Assert.Equal(Rows[0] with { note = "" }, ours[0]);
        Assert.Equal(Rows.Skip(1), ours.Skip(1));
    }

    [Fact]
    public void Columns_are_taken_by_name_in_any_order_and_an_empty_optional_number_is_null()
    {
        var rows = CsvRecords.Read<Counted>(new StringReader("count,extra,name\r\n3,x,甲\r\n,y,乙\r\n"));

        Assert.Equal([new Counted("甲", 3), new Counted("乙", null)], rows);
        Assert.Empty(CsvRecords.Read<Counted>(new StringReader("")));
    }

    [Fact]
    public void Rows_are_enumerated_as_they_are_parsed()
    {
        // documents.csv is read back at commit one row at a time: a bad value further down is met only when reached
        using var rows = CsvRecords.Enumerate<Counted>(new StringReader("name,count\r\n甲,1\r\n乙,2\r\n丙,三\r\n")).GetEnumerator();

        Assert.True(rows.MoveNext());
        Assert.Equal(new Counted("甲", 1), rows.Current);
        Assert.True(rows.MoveNext());
        Assert.Equal(new Counted("乙", 2), rows.Current);
        var bad = Assert.Throws<InvalidDataException>(() => rows.MoveNext());
        Assert.Contains("line 4", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_or_a_bad_number_is_named()
    {
        var missing = Assert.Throws<InvalidDataException>(() => CsvRecords.Read<Row>(new StringReader("document_id,seq,text\r\na,1,b\r\n")));
        Assert.Contains("note", missing.Message, StringComparison.Ordinal);

        var bad = Assert.Throws<InvalidDataException>(() => CsvRecords.Read<Counted>(new StringReader("name,count\r\n甲,1\r\n乙,两\r\n")));
        Assert.Contains("line 3", bad.Message, StringComparison.Ordinal);
        Assert.Contains("count", bad.Message, StringComparison.Ordinal);
    }
}
