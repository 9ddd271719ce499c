using BenchmarkDotNet.Attributes;
using DisclosureExtract.Reading.Pdf;

namespace DisclosureExtract.Benchmarks;

/// <summary>
/// A page of a ruled table as many publishers draw it (every cell's borders as separate segments, 40 rows of 8
/// columns): grouping the rules into a table and reading its rows (merged cells found among rules sorted by position;
/// text lines sorted on precomputed keys). Equivalence: PdfLayoutTests and the corpus outputs (bench/results.md).
/// </summary>
[MemoryDiagnoser]
public class PdfLayoutBenchmarks
{
    private const int Rows = 40;
    private const int Columns = 8;
    private readonly List<PdfRule> _rules = [];
    private readonly List<PdfGlyph> _glyphs = [];

    [GlobalSetup]
    public void Setup()
    {
        double[] xs = [.. Enumerable.Range(0, Columns + 1).Select(c => 40.0 + (c * 65))];
        double Y(int r) => 780.0 - (r * 18);
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                _rules.Add(new PdfRule(true, Y(r), xs[c], xs[c + 1]));
                _rules.Add(new PdfRule(true, Y(r + 1), xs[c], xs[c + 1]));
                _rules.Add(new PdfRule(false, xs[c], Y(r + 1), Y(r)));
                _rules.Add(new PdfRule(false, xs[c + 1], Y(r + 1), Y(r)));
            }
        }

        for (var r = 0; r < Rows; r++)
        {
            var baseline = Y(r + 1) + 5;
            for (var c = 0; c < Columns; c++)
            {
                var text = c == 0 ? "2080505" : c == 1 ? "行政事业单位养老支出" : "1,234.56";
                var left = xs[c] + 3;
                foreach (var ch in text)
                {
                    _glyphs.Add(new PdfGlyph(ch.ToString(), left, left + 5, baseline, 9));
                    left += 5;
                }
            }
        }
    }

    [Benchmark]
    public int FindAndReadRows()
    {
        var rows = 0;
        foreach (var table in PdfRuledTable.Find(_rules))
        {
            rows += table.Rows(_glyphs).Count;
        }

        return rows;
    }

    [Benchmark]
    public int FindOnly() => PdfRuledTable.Find(_rules).Count;

    [Benchmark]
    public int TextLines() => PdfTextLine.Lines(_glyphs).Count;
}
