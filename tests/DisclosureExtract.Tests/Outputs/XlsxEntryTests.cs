using System.IO.Compression;
using System.Text;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Outputs;

public class XlsxEntryTests
{
    /// <summary>A sheet's XML as a workbook holds it: rows of cells with Chinese names and amounts.</summary>
    private static string SheetXml()
    {
        var random = new Random(7);
        var b = new StringBuilder();
        for (var r = 1; r <= 6000; r++)
        {
            b.Append("<row r=\"").Append(r).Append("\"><c t=\"inlineStr\"><is><t>一般公共服务支出").Append(random.Next(1000))
                .Append("</t></is></c><c><v>").Append(random.Next(1_000_000)).Append('.').Append(random.Next(100)).Append("</v></c></row>");
        }

        return b.ToString();
    }

    private static byte[] Zipped(StringBuilder content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            XlsxOutput.Entry(zip, new Utf8Buffer(), "xl/worksheets/sheet1.xml", content);
        }

        return stream.ToArray();
    }

    [Fact]
    public void The_same_text_gives_the_same_bytes_however_the_builder_holds_it()
    {
        var xml = SheetXml();
        var whole = new StringBuilder(xml.Length).Append(xml);
        var pieces = new StringBuilder(16);
        var random = new Random(11);
        for (var i = 0; i < xml.Length;)
        {
            var n = Math.Min(xml.Length - i, random.Next(1, 9000));
            pieces.Append(xml, i, n);
            i += n;
        }

        Assert.Equal(xml, pieces.ToString());
        var chunks = 0;
        foreach (var _ in pieces.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 10);
        Assert.Equal(Zipped(whole), Zipped(pieces));

        // and the entry holds exactly the text
        using var zip = new ZipArchive(new MemoryStream(Zipped(pieces)));
        using var reader = new StreamReader(zip.Entries.Single().Open(), Encoding.UTF8);
        Assert.Equal(xml, reader.ReadToEnd());
    }

    [Fact]
    public void A_character_outside_the_basic_plane_split_between_two_chunks_is_written_whole()
    {
        // 𠀀 (U+20000) is two UTF-16 units: the builder below holds its halves in different chunks
        const string Name = "\U00020000家村委会";
        var pieces = new StringBuilder(4).Append("<t>").Append(Name[0]); // fills the first chunk
        pieces.Append(Name[1..]).Append("</t>");
        Assert.Contains(EndsOfChunks(pieces), char.IsHighSurrogate);

        using var zip = new ZipArchive(new MemoryStream(Zipped(pieces)));
        using var stream = zip.Entries.Single().Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        Assert.Equal(Encoding.UTF8.GetBytes("<t>" + Name + "</t>"), bytes.ToArray()); // no replacement characters, no BOM
    }

    private static List<char> EndsOfChunks(StringBuilder b)
    {
        var ends = new List<char>();
        foreach (var chunk in b.GetChunks())
        {
            ends.Add(chunk.Span[^1]);
        }

        return ends;
    }
}
