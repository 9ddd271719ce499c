using System.Text;

namespace DisclosureExtract.Export;

/// <summary>
/// The files of a whole dataset, written once its long CSV files and documents.csv are final: disclosures.sqlite,
/// parquet/ and report/index.html. Built from those CSV files, read as streams (a batch of any size), so they hold
/// exactly the rows of the CSVs whatever the number of jobs, and `merge` builds the same files as an unsharded run
/// (which builds the SQLite and Parquet files while it converts, see <see cref="DatasetStream"/>: the same bytes). The
/// SQLite file and the Parquet files are written at the same time, on two threads.
/// </summary>
public static class DatasetFiles
{
    /// <param name="folder">The folder holding the final long CSV files and documents.csv; the files are written into it.</param>
    /// <param name="formats">The run's formats: which of the files to write.</param>
    /// <param name="built">Those of them already written (by a <see cref="DatasetStream"/>).</param>
    public static void Write(string folder, OutputFormats formats, OutputFormats built = OutputFormats.None)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var toBuild = formats & ~built;
        var parquet = toBuild.HasFlag(OutputFormats.Parquet)
            ? Task.Run(() => ParquetOutput.Write(Path.Combine(folder, ParquetOutput.Folder), folder))
            : Task.CompletedTask;
        if (toBuild.HasFlag(OutputFormats.Sqlite))
        {
            WriteSqlite(folder, folder);
        }

        if (formats.HasFlag(OutputFormats.Report))
        {
            var dir = Path.Combine(folder, ReportOutput.Folder);
            Directory.CreateDirectory(dir);
            var documents = Path.Combine(folder, BatchOutput.DocumentsFile);
            using var index = new StreamWriter(Path.Combine(dir, ReportOutput.IndexFile), append: false, new UTF8Encoding(false), 1 << 16);
            ReportOutput.WriteIndex(index, () => DocumentRows(documents), formats);
        }

        parquet.GetAwaiter().GetResult();
    }

    /// <summary>disclosures.sqlite in <paramref name="targetFolder"/> from the long CSV files in <paramref name="csvFolder"/>
    /// (the nightly worker's current/ builds it from its staging folder).</summary>
    public static void WriteSqlite(string targetFolder, string csvFolder) =>
        SqliteOutput.Write(Path.Combine(targetFolder, SqliteOutput.FileName), csvFolder);

    public static string SqliteFileName => SqliteOutput.FileName;

    /// <summary>documents.csv's rows, read one at a time.</summary>
    internal static IEnumerable<DocumentRow> DocumentRows(string documentsCsv)
    {
        using var reader = new StreamReader(documentsCsv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        foreach (var row in CsvRecords.Enumerate<DocumentRow>(reader, CsvOutput.Config))
        {
            yield return row;
        }
    }
}
