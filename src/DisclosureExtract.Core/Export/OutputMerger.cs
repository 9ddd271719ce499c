using System.Diagnostics.CodeAnalysis;
using System.Text;
using CsvHelper;

namespace DisclosureExtract.Export;

/// <summary>
/// Merges the output folders of shards (convert --shard i/n) into one dataset that is byte-identical
/// to an unsharded run: rows are grouped by document id (the first column), groups sorted by id, and
/// duplicate content across shards is marked as in one run. json/, tables/, xlsx/ and the documents' review pages are
/// copied; disclosures.sqlite, parquet/ and report/index.html are built again from the merged CSVs.
/// </summary>
public static class OutputMerger
{

    public static void Merge(IReadOnlyList<string> shardDirs, string outDir)
    {
        ArgumentNullException.ThrowIfNull(shardDirs);
        ArgumentNullException.ThrowIfNull(outDir);
        foreach (var d in shardDirs)
        {
            if (!File.Exists(Path.Combine(d, BatchOutput.DocumentsFile)))
            {
                throw new IOException($"{d} is not an output folder: it has no {BatchOutput.DocumentsFile}");
            }
        }

        var documents = shardDirs.SelectMany(d => ReadRows<DocumentRow>(Path.Combine(d, BatchOutput.DocumentsFile)))
            .OrderBy(r => r.document_id, StringComparer.Ordinal).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in documents)
        {
            if (!ids.Add(r.document_id))
            {
                throw new IOException($"document {r.document_id} is in more than one shard: were the shards cut from the same input list?");
            }
        }

        var (marked, duplicates) = DuplicateContent.Mark(documents);
        var staging = outDir.TrimEnd('/', '\\') + $".merging-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            CsvOutput.Write(Path.Combine(staging, BatchOutput.DocumentsFile), marked);
            foreach (var table in CsvTables.PerRow)
            {
                MergeRows(shardDirs.Select(d => Path.Combine(d, table.FileName)).Where(File.Exists).ToList(), Path.Combine(staging, table.FileName), duplicates);
            }

            foreach (var sub in new[] { "json", "tables", XlsxOutput.Folder, ReportOutput.Folder })
            {
                foreach (var d in shardDirs)
                {
                    var src = Path.Combine(d, sub);
                    if (Directory.Exists(src))
                    {
                        CopyTree(src, Path.Combine(staging, sub));
                    }
                }
            }

            // the dataset's own files again, from the merged CSVs, in the formats the shards were written in
            DatasetFiles.Write(staging, FormatsOf(shardDirs));
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }

            Directory.Move(staging, outDir);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>The formats the shards were converted with, read from the files they hold.</summary>
    private static OutputFormats FormatsOf(IReadOnlyList<string> shardDirs)
    {
        var formats = OutputFormats.Csv;
        foreach (var d in shardDirs)
        {
            formats |= Directory.Exists(Path.Combine(d, "json")) ? OutputFormats.Json : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, XlsxOutput.Folder)) ? OutputFormats.Xlsx : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, ReportOutput.Folder)) ? OutputFormats.Report : OutputFormats.None;
            formats |= Directory.Exists(Path.Combine(d, ParquetOutput.Folder)) ? OutputFormats.Parquet : OutputFormats.None;
            formats |= File.Exists(Path.Combine(d, SqliteOutput.FileName)) ? OutputFormats.Sqlite : OutputFormats.None;
        }

        return formats;
    }

    private static List<T> ReadRows<[DynamicallyAccessedMembers(CsvRecords.Members)] T>(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CsvRecords.Read<T>(reader, CsvOutput.Config);
    }

    /// <summary>Rows stay raw strings (re-quoted the way they were written), grouped by their first column.</summary>
    private static void MergeRows(IReadOnlyList<string> files, string target, IReadOnlySet<string> drop)
    {
        string[]? header = null;
        var groups = new SortedDictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            using var reader = new StreamReader(f, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            using var parser = new CsvParser(reader, CsvOutput.Config);
            var first = true;
            while (parser.Read())
            {
                var record = parser.Record!;
                if (first)
                {
                    header ??= record;
                    first = false;
                    continue;
                }

                if (drop.Contains(record[0]))
                {
                    continue;
                }

                if (!groups.TryGetValue(record[0], out var list))
                {
                    groups[record[0]] = list = [];
                }

                list.Add(record);
            }
        }

        CsvOutput.WriteGrid(target, (header is null ? [] : new[] { header }).Concat(groups.Values.SelectMany(g => g)));
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var f in Directory.EnumerateFiles(source))
        {
            File.Copy(f, Path.Combine(target, Path.GetFileName(f)), overwrite: true);
        }

        foreach (var d in Directory.EnumerateDirectories(source))
        {
            CopyTree(d, Path.Combine(target, Path.GetFileName(d)));
        }
    }
}
