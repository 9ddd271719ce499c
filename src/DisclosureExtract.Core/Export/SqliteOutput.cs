using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DisclosureExtract.Export;

/// <summary>
/// disclosures.sqlite: every long table (documents, line_items, findings, projects, explanations, indicators) with the
/// same rows in the same order as its CSV file, from which it is built. Columns are typed by <see cref="OutputColumns"/>:
/// text as TEXT (empty stays ''); integers as INTEGER (empty is NULL); decimal amounts as TEXT exactly as printed (empty
/// is NULL) so that no digit is lost to a binary float, and money also as INTEGER 分 in <c>&lt;column&gt;_fen</c>
/// beside it (amount in its unit × yuan per unit × 100; NULL when the unit is unknown or the amount is not a whole
/// number of 分). documents has document_id as its primary key, the others an <c>id</c> (the row's position in the
/// CSV); indexes on document_id, table_key and code; views error_cells, totals_by_class and budget_vs_final.
/// </summary>
internal static class SqliteOutput
{
    public const string FileName = "disclosures.sqlite";

    /// <summary>Builds the database from the long CSV files in <paramref name="csvFolder"/> (those present) and puts
    /// it at <paramref name="path"/>: written to a temporary file, flushed to disk and renamed.</summary>
    public static void Write(string path, string csvFolder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(csvFolder);
        var tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = tmp, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString()))
            {
                conn.Open();
                Execute(conn, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096; PRAGMA cache_size=-16384; PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF;");
                using var tx = conn.BeginTransaction();
                var columns = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var table in LongTables.All)
                {
                    var csv = Path.Combine(csvFolder, table.FileName);
                    if (File.Exists(csv))
                    {
                        columns[table.Name] = Load(conn, tx, table, csv);
                    }
                }

                foreach (var (table, cols) in columns)
                {
                    Indexes(conn, tx, table, cols);
                }

                Views(conn, tx, columns);
                tx.Commit();
            }

            using (var f = new FileStream(tmp, FileMode.Open, FileAccess.ReadWrite))
            {
                f.Flush(true);
            }

            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp))
            {
                File.Delete(tmp);
            }
        }
    }

    /// <summary>The column holding a money column's amount in 分.</summary>
    public static string FenColumn(string column) => column + "_fen";

    private static string[] Load(SqliteConnection conn, SqliteTransaction tx, LongTable table, string csvPath)
    {
        using var csv = new LongCsv(csvPath);
        var header = csv.Header;
        var types = header.Select(table.TypeOf).ToArray();
        var isDocuments = table.Name == "documents";
        var key = header.Contains("id") ? "_id" : "id";
        var ddl = new StringBuilder($"CREATE TABLE {Q(table.Name)} (");
        var insertColumns = new List<string>();
        if (!isDocuments)
        {
            ddl.Append(Q(key)).Append(" INTEGER PRIMARY KEY, ");
            insertColumns.Add(key);
        }

        for (var c = 0; c < header.Length; c++)
        {
            var type = types[c].Kind == ColumnKind.Integer ? "INTEGER" : "TEXT";
            ddl.Append(Q(header[c])).Append(' ').Append(type);
            if (isDocuments && header[c] == "document_id")
            {
                ddl.Append(" NOT NULL PRIMARY KEY");
            }

            ddl.Append(", ");
            insertColumns.Add(header[c]);
            if (types[c].IsMoney)
            {
                ddl.Append(Q(FenColumn(header[c]))).Append(" INTEGER, ");
                insertColumns.Add(FenColumn(header[c]));
            }
        }

        if (!isDocuments && header.Contains("document_id") && TableExists(conn, tx, "documents"))
        {
            ddl.Append("FOREIGN KEY (document_id) REFERENCES documents (document_id), ");
        }

        ddl.Length -= 2;
        ddl.Append(')');
        Execute(conn, tx, ddl.ToString());

        // rows are bound (UTF-16 spans, no copies) and stepped through SQLitePCL directly: Microsoft.Data.Sqlite's parameters cost ~7 µs a row
        var sql = $"INSERT INTO {Q(table.Name)} ({string.Join(", ", insertColumns.Select(Q))}) VALUES ({string.Join(", ", insertColumns.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var db = conn.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));
        using (stmt)
        {
            var unitAt = types.Select(t => t.UnitColumn is { } u ? Array.IndexOf(header, u) : -1).ToArray();
            long id = 0;
            foreach (var record in csv.Records())
            {
                var p = 1;
                if (!isDocuments)
                {
                    raw.sqlite3_bind_int64(stmt, p++, ++id);
                }

                for (var c = 0; c < header.Length; c++)
                {
                    var text = c < record.Length ? record[c] : string.Empty;
                    var type = types[c];
                    if (type.Kind == ColumnKind.Text)
                    {
                        raw.sqlite3_bind_text16(stmt, p++, text.AsSpan());
                    }
                    else if (text.Length == 0)
                    {
                        raw.sqlite3_bind_null(stmt, p++);
                    }
                    else if (type.Kind == ColumnKind.Integer && LongCsv.TryInteger(text, out var n))
                    {
                        raw.sqlite3_bind_int64(stmt, p++, n);
                    }
                    else
                    {
                        raw.sqlite3_bind_text16(stmt, p++, text.AsSpan());
                    }

                    if (type.IsMoney)
                    {
                        var unit = type.FixedUnit ?? (unitAt[c] >= 0 && unitAt[c] < record.Length ? record[unitAt[c]] : string.Empty);
                        if (LongCsv.Fen(text, unit) is { } fen)
                        {
                            raw.sqlite3_bind_int64(stmt, p++, fen);
                        }
                        else
                        {
                            raw.sqlite3_bind_null(stmt, p++);
                        }
                    }
                }

                if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE)
                {
                    throw new IOException($"{table.Name}: {raw.sqlite3_errmsg(db).utf8_to_string()}");
                }

                raw.sqlite3_reset(stmt);
            }
        }

        return header;
    }

    private static void Indexes(SqliteConnection conn, SqliteTransaction tx, string table, string[] columns)
    {
        foreach (var c in new[] { "document_id", "table_key", "code" })
        {
            if (columns.Contains(c) && !(table == "documents" && c == "document_id"))
            {
                Execute(conn, tx, $"CREATE INDEX {Q($"ix_{table}_{c}")} ON {Q(table)} ({Q(c)})");
            }
        }

        string[] cell = ["document_id", "table_key", "code", "column_key"];
        if (cell.All(columns.Contains))
        {
            Execute(conn, tx, $"CREATE INDEX {Q($"ix_{table}_cell")} ON {Q(table)} ({string.Join(", ", cell.Select(Q))})");
        }
    }

    /// <summary>Views over the columns there are: a view whose columns are missing is left out.</summary>
    private static void Views(SqliteConnection conn, SqliteTransaction tx, Dictionary<string, string[]> columns)
    {
        bool Has(string table, params string[] cols) => columns.TryGetValue(table, out var have) && cols.All(have.Contains);

        if (Has("findings", "document_id", "severity", "table_key", "code", "column_key") && Has("line_items", "document_id", "table_key", "code", "column_key", "item_name", "amount", "unit", "source_page", "source_line"))
        {
            // the row: by code; else by row key (when findings.csv has it); else the cell printed on the finding's line
            var byLine = "(f.code = '' AND f.source_line <> '' AND (CASE WHEN li.source_page IS NULL THEN CAST(li.source_line AS TEXT) ELSE li.source_page || ':' || li.source_line END) = f.source_line)";
            var rowMatch = Has("findings", "row_key") && Has("line_items", "row_key")
                ? $"((f.code <> '' AND li.code = f.code) OR (f.code = '' AND f.row_key <> '' AND li.row_key = f.row_key) OR (f.row_key = '' AND {byLine}))"
                : $"((f.code <> '' AND li.code = f.code) OR {byLine})";
            Execute(conn, tx, $"""
                CREATE VIEW error_cells AS
                SELECT f.*, li.item_name AS cell_item_name, li.amount AS cell_amount, li.unit AS cell_unit,
                       li.source_page AS cell_source_page, li.source_line AS cell_source_line
                FROM findings f
                LEFT JOIN line_items li ON li.document_id = f.document_id AND li.table_key = f.table_key
                     AND li.column_key = f.column_key AND {rowMatch}
                WHERE f.severity = 'error'
                """);
        }

        if (Has("line_items", "document_id", "unit_name", "budget_year", "table_no", "table_key", "column_key", "code", "code_level", "item_name", "amount_cny"))
        {
            Execute(conn, tx, """
                CREATE VIEW totals_by_class AS
                SELECT document_id, unit_name, budget_year, table_no, table_key, column_key,
                       substr(code, 1, 3) AS class_code,
                       MAX(CASE WHEN code_level = '类' THEN item_name END) AS class_name,
                       SUM(CASE WHEN code_level = '类' THEN amount_cny_fen END) AS printed_fen,
                       SUM(CASE WHEN code_level = '款' THEN amount_cny_fen END) AS sum_of_kuan_fen,
                       COUNT(*) AS line_items
                FROM line_items
                WHERE code <> ''
                GROUP BY document_id, unit_name, budget_year, table_no, table_key, column_key, substr(code, 1, 3)
                """);

            if (Has("documents", "document_id", "unit_name", "budget_year", "status", "source_file"))
            {
                // documents.kind (budget / final_accounts) when documents.csv has it; until then the file name says
                var kind = Has("documents", "kind")
                    ? "kind"
                    : "CASE WHEN source_file LIKE '%决算%' OR lower(source_file) LIKE '%final%' THEN 'final_accounts' ELSE 'budget' END";
                Execute(conn, tx, $"""
                    CREATE VIEW budget_vs_final AS
                    WITH k AS (SELECT document_id, unit_name, budget_year, {kind} AS kind FROM documents WHERE status <> 'failed' AND unit_name <> '')
                    SELECT b.unit_name, b.budget_year, b.document_id AS budget_document_id, f.document_id AS final_document_id,
                           tb.table_key, tb.column_key, tb.class_code, tb.class_name,
                           tb.printed_fen AS budget_fen, tf.printed_fen AS final_fen, tf.printed_fen - tb.printed_fen AS difference_fen
                    FROM k b
                    JOIN k f ON f.unit_name = b.unit_name AND f.budget_year = b.budget_year AND f.kind = 'final_accounts'
                    LEFT JOIN totals_by_class tb ON tb.document_id = b.document_id
                    LEFT JOIN totals_by_class tf ON tf.document_id = f.document_id AND tf.table_key = tb.table_key
                         AND tf.column_key = tb.column_key AND tf.class_code = tb.class_code
                    WHERE b.kind = 'budget'
                    """);
            }
        }
    }

    private static bool TableExists(SqliteConnection conn, SqliteTransaction tx, string name)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        cmd.Parameters.AddWithValue("$name", name);
        return (long)cmd.ExecuteScalar()! > 0;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new IOException($"SQLite: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(SqliteConnection conn, string sql) => Execute(conn, null, sql);

    private static void Execute(SqliteConnection conn, SqliteTransaction? tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
