using DisclosureExtract.Model;

namespace DisclosureExtract.Tests.Validation;

/// <summary>
/// Loads Validation/Corpus/&lt;doc&gt;.tables.tsv: the printed numbers of a corpus document's tables (from its HTML rendering,
/// every cell in its column), each row with the 1-based line of corpus/text/&lt;doc&gt;.txt where it starts. Line indices in the
/// model are that number minus one (the text reader keeps every line). Independent of the table recognizer.
/// </summary>
public static class CorpusTables
{
    public static string PathOf(string doc) =>
        Path.Combine(TestPaths.Root, "tests", "DisclosureExtract.Tests", "Validation", "Corpus", doc + ".tables.tsv");

    /// <summary>Line index of a 1-based source line.</summary>
    public static int L(int sourceLine) => sourceLine - 1;

    public static List<BudgetTable> Load(string doc)
    {
        var tables = new List<BudgetTable>();
        TableBuilder? current = null;
        foreach (var raw in File.ReadAllLines(PathOf(doc)))
        {
            if (raw.StartsWith('#') || raw.Length == 0)
            {
                continue;
            }

            var f = raw.Split('\t');
            if (f[0] == "table")
            {
                if (current is not null)
                {
                    tables.Add(current.Build());
                }

                current = new TableBuilder(int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), f[3].Split(' '));
                continue;
            }

            // row code row_key side name project line values
            var line = L(int.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture));
            string? Opt(string s) => s == "-" ? null : s;
            var values = f.Length > 7 ? f[7] : string.Empty;
            var code = Opt(f[1]);
            var row = new TableRow(code, code is null ? null : TableBuilder.LevelOf(code), Opt(f[2]), f[4], Opt(f[5]), Opt(f[3]),
                TableBuilder.Parse(values, line), line);
            current!.Add(row);
        }

        if (current is not null)
        {
            tables.Add(current.Build());
        }

        return tables;
    }
}
