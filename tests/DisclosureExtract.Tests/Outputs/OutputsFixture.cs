using System.Globalization;
using System.Text;
using CsvHelper;
using DisclosureExtract.Cli;
using DisclosureExtract.Export;

namespace DisclosureExtract.Tests.Outputs;

/// <summary>One conversion of the sample corpus (text, HTML and PDF, so that page:line source lines and duplicates are
/// in it) with every output format, shared by the round-trip tests.</summary>
public sealed class OutputsFixture
{
    public OutputsFixture()
    {
        Dir = Path.Combine(TestPaths.TempDir(), "out");
        var code = CliApp.Run(["convert", TestPaths.Corpus("text"), TestPaths.Corpus("html"), TestPaths.Corpus("pdf"), "--out", Dir, "--no-progress", "--jobs", "2"], new StringWriter(), new StringWriter());
        if (code != 0)
        {
            throw new InvalidOperationException($"convert exited {code}");
        }
    }

    public string Dir { get; }

    /// <summary>A long CSV file: header and rows as strings.</summary>
    public (string[] Header, List<string[]> Rows) Csv(string fileName) => ReadCsv(Path.Combine(Dir, fileName));

    public static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, CsvOutput.Config);
        parser.Read();
        var header = parser.Record!;
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return (header, rows);
    }

    /// <summary>Decimal equality of two texts written from decimals ("90" and "90.00" are the same amount).</summary>
    public static bool SameAmount(string a, string b) =>
        decimal.Parse(a, NumberStyles.Number, CultureInfo.InvariantCulture) == decimal.Parse(b, NumberStyles.Number, CultureInfo.InvariantCulture);
}

[CollectionDefinition(Name)]
public sealed class OutputsCollection : ICollectionFixture<OutputsFixture>
{
    public const string Name = "converted sample corpus, every format";
}
