using System.Text;

namespace DisclosureExtract.Export;

/// <summary>
/// The files of a whole dataset, written once its long CSV files are final: disclosures.sqlite, parquet/ and
/// report/index.html. Built from those CSV files (and documents.csv's rows), so they hold exactly the rows of the CSVs
/// whatever the number of jobs, and `merge` builds the same files as an unsharded run (which builds the SQLite and
/// Parquet files while it converts, see <see cref="DatasetStream"/>: the same bytes). The SQLite file and the Parquet
/// files are written at the same time, on two threads.
/// </summary>
public static class DatasetFiles
{
    /// <param name="folder">The folder holding the final long CSV files; the files are written into it.</param>
    /// <param name="documents">documents.csv's rows, as written.</param>
    /// <param name="formats">The run's formats: which of the files to write.</param>
    /// <param name="built">Those of them already written (by a <see cref="DatasetStream"/>).</param>
    public static void Write(string folder, IReadOnlyList<DocumentRow> documents, OutputFormats formats, OutputFormats built = OutputFormats.None)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(documents);
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
            File.WriteAllText(Path.Combine(dir, ReportOutput.IndexFile), ReportOutput.Index(documents, formats), new UTF8Encoding(false));
        }

        parquet.GetAwaiter().GetResult();
    }

    /// <summary>disclosures.sqlite in <paramref name="targetFolder"/> from the long CSV files in <paramref name="csvFolder"/>
    /// (the nightly worker's current/ builds it from its staging folder).</summary>
    public static void WriteSqlite(string targetFolder, string csvFolder) =>
        SqliteOutput.Write(Path.Combine(targetFolder, SqliteOutput.FileName), csvFolder);

    public static string SqliteFileName => SqliteOutput.FileName;
}
