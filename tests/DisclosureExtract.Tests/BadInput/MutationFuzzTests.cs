using System.Diagnostics;
using System.Text;
using DisclosureExtract.Export;
using DisclosureExtract.Model;
using DisclosureExtract.Pipeline;
using Xunit.Abstractions;

namespace DisclosureExtract.Tests.BadInput;

/// <summary>
/// Random mutations of the corpus documents (lines deleted, swapped, duplicated, numbers altered, text
/// truncated, bytes flipped): no crash, no hang, and every amount in the line items occurs in the input.
/// Seeded, so a failure is reproducible; the count and time are printed.
/// </summary>
public class MutationFuzzTests
{
    private const int VariantsPerDocument = 400;
    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Mutated_documents_never_crash_hang_or_invent_numbers()
    {
        var pipeline = new DisclosurePipeline(ConvertOptions.Default with { Timeout = TimeSpan.FromSeconds(20) });
        var watch = Stopwatch.StartNew();
        var variants = 0;
        var withRows = 0;
        foreach (var path in Directory.GetFiles(TestPaths.Corpus("text"), "*.txt").Order(StringComparer.Ordinal))
        {
            var original = File.ReadAllText(path, Encoding.UTF8);
            var rng = new Random(Path.GetFileName(path).Length * 7919);
            for (var v = 0; v < VariantsPerDocument; v++)
            {
                var seed = rng.Next();
                var text = Mutate(original, new Random(seed));
                var bytes = Encoding.UTF8.GetBytes(text);
                var id = $"{Path.GetFileNameWithoutExtension(path)}-m{v}";
                var r = pipeline.Convert(new InputFile(id + ".txt", id), bytes);
                variants++;

                Assert.False(r.Error?.StartsWith("internal error", StringComparison.Ordinal) ?? false, $"{id} (seed {seed}): {r.Error}");
                Assert.False(r.Error?.StartsWith("time limit", StringComparison.Ordinal) ?? false, $"{id} (seed {seed}) hung");
                var haystack = Squeeze(text);
                var items = OutputRows.LineItems(r).ToList();
                if (items.Count > 0)
                {
                    withRows++;
                }

                foreach (var item in items)
                {
                    Assert.True(haystack.Contains(item.amount, StringComparison.Ordinal) || haystack.Contains(Squeeze(item.amount), StringComparison.Ordinal),
                        $"{id} (seed {seed}): amount {item.amount} ({item.table_key} {item.code}{item.row_key} {item.column_key}) does not occur in the input");
                }

                // the CSV and JSON projections must not throw either
                _ = OutputRows.Document(r);
                _ = OutputRows.Findings(r).Count();
                _ = JsonOutput.ToJson(r);
            }
        }

        var line = $"fuzz: {variants} mutated documents ({withRows} with line items) in {watch.Elapsed.TotalSeconds:0.0} s";
        _output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(4 * VariantsPerDocument, variants);
    }

    /// <summary>The input with white space and thousands separators removed: a split number ("864.4" / "0") is found whole.</summary>
    private static string Squeeze(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && c != ',')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Mutate(string text, Random rng)
    {
        var lines = text.Split('\n').ToList();
        var steps = rng.Next(1, 6);
        for (var s = 0; s < steps && lines.Count > 1; s++)
        {
            switch (rng.Next(7))
            {
                case 0: // delete a run of lines
                    var at = rng.Next(lines.Count);
                    lines.RemoveRange(at, Math.Min(rng.Next(1, 20), lines.Count - at));
                    break;
                case 1: // swap two lines
                    var a = rng.Next(lines.Count);
                    var b = rng.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
                case 2: // duplicate a line
                    var d = rng.Next(lines.Count);
                    lines.Insert(d, lines[d]);
                    break;
                case 3: // alter the digits of a number
                    var i = rng.Next(lines.Count);
                    lines[i] = new string(lines[i].Select(c => char.IsAsciiDigit(c) && rng.Next(3) == 0 ? (char)('0' + rng.Next(10)) : c).ToArray());
                    break;
                case 4: // truncate the document
                    lines = lines.Take(rng.Next(1, lines.Count)).ToList();
                    break;
                case 5: // split a line in two
                    var k = rng.Next(lines.Count);
                    if (lines[k].Length > 2)
                    {
                        var cut = rng.Next(1, lines[k].Length);
                        var line = lines[k];
                        lines[k] = line[..cut];
                        lines.Insert(k + 1, line[cut..]);
                    }

                    break;
                default: // join two lines
                    var j = rng.Next(lines.Count - 1);
                    lines[j] += lines[j + 1];
                    lines.RemoveAt(j + 1);
                    break;
            }
        }

        var result = string.Join('\n', lines);
        if (rng.Next(10) == 0 && result.Length > 10)
        {
            result = result[..rng.Next(result.Length)]; // cut mid-line, maybe mid-number
        }

        return result;
    }
}
