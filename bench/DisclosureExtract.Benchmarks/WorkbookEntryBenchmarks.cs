using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using DisclosureExtract.Export;

namespace DisclosureExtract.Benchmarks;

/// <summary>
/// One workbook's ~20 parts written into a zip: each part encoded into the writer's reused buffer and written once
/// (<c>XlsxOutput.Entry</c>) against a <see cref="StreamWriter"/> per part, as before (equivalence: XlsxEntryTests).
/// </summary>
[MemoryDiagnoser]
public class WorkbookEntryBenchmarks
{
    private readonly Utf8Buffer _bytes = new();
    private readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly MemoryStream _stream = new();
    private StringBuilder _sheet = new();

    [Params(4_000, 60_000)]
    public int Chars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _sheet = new StringBuilder();
        for (var r = 1; _sheet.Length < Chars; r++)
        {
            _sheet.Append("<row r=\"").Append(r).Append("\"><c t=\"inlineStr\"><is><t>一般公共服务支出").Append(random.Next(1000))
                .Append("</t></is></c><c><v>").Append(random.Next(1_000_000)).Append("</v></c></row>");
        }
    }

    [Benchmark(Baseline = true)]
    public long StreamWriterPerPart()
    {
        _stream.SetLength(0);
        using (var zip = new ZipArchive(_stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 20; i++)
            {
                using var s = zip.CreateEntry($"part{i}.xml", CompressionLevel.Fastest).Open();
                using var writer = new StreamWriter(s, _utf8, 1 << 16);
                foreach (var chunk in _sheet.GetChunks())
                {
                    writer.Write(chunk.Span);
                }
            }
        }

        return _stream.Length;
    }

    [Benchmark]
    public long ReusedBuffer()
    {
        _stream.SetLength(0);
        using (var zip = new ZipArchive(_stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 20; i++)
            {
                XlsxOutput.Entry(zip, _bytes, $"part{i}.xml", _sheet);
            }
        }

        return _stream.Length;
    }
}
