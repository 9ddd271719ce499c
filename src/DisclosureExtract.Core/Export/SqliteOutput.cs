using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DisclosureExtract.Export;

/// <summary>
/// disclosures.sqlite: every long table (documents, line_items, findings, projects, explanations, indicators) with the
/// same rows in the same order as its CSV file. Columns are typed by <see cref="OutputColumns"/>:
/// text as TEXT (empty stays ''); integers as INTEGER (empty is NULL); decimal amounts as TEXT exactly as printed (empty
/// is NULL) so that no digit is lost to a binary float, and money also as INTEGER 分 in <c>&lt;column&gt;_fen</c>
/// beside it (amount in its unit × yuan per unit × 100; NULL when the unit is unknown or the amount is not a whole
/// number of 分). documents has document_id as its primary key, the others an <c>id</c> (the row's position in the
/// CSV); indexes on document_id (through the cell index where there is one), table_key, code and the cell; views
/// error_cells, totals_by_class and budget_vs_final.
/// </summary>
internal static class SqliteOutput
{
    public const string FileName = "disclosures.sqlite";

    /// <summary>Builds the database from the long CSV files in <paramref name="csvFolder"/> (those present) and puts
    /// it at <paramref name="path"/>. Rows go in as a run streams them (<see cref="SqliteBuilder"/>): document by
    /// document in the order of documents.csv, each document's rows table after table, documents' own rows last — so
    /// the file has the same bytes as the one a run built while converting.</summary>
    public static void Write(string path, string csvFolder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(csvFolder);
        var present = LongTables.All.Where(t => File.Exists(Path.Combine(csvFolder, t.FileName))).ToList();
        var readers = present.Select(t => new GroupedRecords(Path.Combine(csvFolder, t.FileName))).ToList();
        try
        {
            using var builder = new SqliteBuilder(path, present.Select((t, i) => (t, readers[i].Header)).ToList());
            var documents = present.FindIndex(t => t.Name == "documents");
            var order = documents >= 0 ? readers[documents].TakeAll() : [];
            foreach (var id in order.Select(r => r.Length > 0 ? r[0] : string.Empty).Distinct(StringComparer.Ordinal))
            {
                for (var t = 0; t < readers.Count; t++)
                {
                    if (t != documents)
                    {
                        builder.Add(t, readers[t].TakeWhileFirstIs(id));
                    }
                }
            }

            for (var t = 0; t < readers.Count; t++)
            {
                if (t != documents)
                {
                    builder.Add(t, readers[t].TakeAll()); // rows of ids not in documents.csv, in their order
                }
            }

            if (documents >= 0)
            {
                builder.Add(documents, order);
            }

            builder.Finish();
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    /// <summary>The column holding a money column's amount in 分.</summary>
    public static string FenColumn(string column) => column + "_fen";

    /// <summary>A long CSV file read in runs of records with the same first column (document_id).</summary>
    private sealed class GroupedRecords : IDisposable
    {
        private readonly LongCsv _csv;
        private readonly IEnumerator<string[]> _records;
        private string[]? _next;

        public GroupedRecords(string path)
        {
            _csv = new LongCsv(path);
            _records = _csv.Records().GetEnumerator();
            _next = _records.MoveNext() ? _records.Current : null;
        }

        public string[] Header => _csv.Header;

        public List<string[]> TakeWhileFirstIs(string id)
        {
            var taken = new List<string[]>();
            while (_next is { } r && r.Length > 0 && string.Equals(r[0], id, StringComparison.Ordinal))
            {
                taken.Add(r);
                _next = _records.MoveNext() ? _records.Current : null;
            }

            return taken;
        }

        public List<string[]> TakeAll()
        {
            var taken = new List<string[]>();
            while (_next is { } r)
            {
                taken.Add(r);
                _next = _records.MoveNext() ? _records.Current : null;
            }

            return taken;
        }

        public void Dispose()
        {
            _records.Dispose();
            _csv.Dispose();
        }
    }
}

/// <summary>
/// Builds disclosures.sqlite row by row (see <see cref="SqliteOutput"/> for the layout): the tables and their indexes,
/// in the order given, are created first; rows are added in any interleaving of tables; <see cref="Finish"/> creates
/// the views, commits, flushes the file to disk and renames it into place. The same calls give the same bytes. Used by
/// one thread at a time. The indexes grow with the rows rather than being sorted at the end: 400 text documents'
/// 160,000 rows take ~230 ms more to insert and the finish ~155 ms less — time a batch spends on the stream's thread
/// while it converts instead of at its end.
/// </summary>
internal sealed class SqliteBuilder : IDisposable
{
    private readonly string _path;
    private readonly string _tmp;
    private readonly SqliteConnection _conn;
    private readonly SqliteTransaction _tx;
    private readonly List<TableState> _tables = [];
    private byte[] _utf8 = new byte[1024];
    private bool _finished;

    /// <param name="path">Where the file goes.</param>
    /// <param name="tables">The tables with their columns (the CSV header), documents first when it is there.</param>
    public SqliteBuilder(string path, IReadOnlyList<(LongTable Table, string[] Header)> tables)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tables);
        _path = path;
        _tmp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        _conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _tmp, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        try
        {
            _conn.Open();
            Execute(_conn, null, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096; PRAGMA cache_size=-16384; PRAGMA locking_mode=EXCLUSIVE; PRAGMA foreign_keys=OFF;");
            _tx = _conn.BeginTransaction();
            foreach (var (table, header) in tables)
            {
                _tables.Add(Create(table, header));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Adds rows (CSV records) to the table at <paramref name="table"/> in the list given to the constructor.</summary>
    public void Add(int table, IEnumerable<string[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var state = _tables[table];
        foreach (var record in records)
        {
            Insert(state, record);
        }
    }

    /// <summary>Views, commit; the file is flushed to disk and renamed to its path.</summary>
    public void Finish()
    {
        var columns = _tables.ToDictionary(t => t.Table.Name, t => t.Header, StringComparer.Ordinal);
        Views(_conn, _tx, columns);
        foreach (var t in _tables)
        {
            t.Statement.Dispose();
        }

        _tx.Commit();
        _conn.Dispose();
        using (var f = new FileStream(_tmp, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Flush(true);
        }

        File.Move(_tmp, _path, overwrite: true);
        _finished = true;
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            foreach (var t in _tables)
            {
                t.Statement.Dispose();
            }

            _conn.Dispose();
            if (File.Exists(_tmp))
            {
                File.Delete(_tmp);
            }
        }
    }

    /// <summary>A table being filled: its columns, their types, the prepared insert and the last row id.</summary>
    private sealed class TableState(LongTable table, string[] header, ColumnType[] types, int[] unitAt, sqlite3_stmt statement)
    {
        public LongTable Table { get; } = table;

        public string[] Header { get; } = header;

        public ColumnType[] Types { get; } = types;

        public int[] UnitAt { get; } = unitAt;

        public sqlite3_stmt Statement { get; } = statement;

        public bool IsDocuments => Table.Name == "documents";

        public long LastId { get; set; }
    }

    private TableState Create(LongTable table, string[] header)
    {
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
                ddl.Append(Q(SqliteOutput.FenColumn(header[c]))).Append(" INTEGER, ");
                insertColumns.Add(SqliteOutput.FenColumn(header[c]));
            }
        }

        if (!isDocuments && header.Contains("document_id") && _tables.Any(t => t.IsDocuments))
        {
            ddl.Append("FOREIGN KEY (document_id) REFERENCES documents (document_id), ");
        }

        ddl.Length -= 2;
        ddl.Append(')');
        Execute(_conn, _tx, ddl.ToString());
        Indexes(_conn, _tx, table.Name, header);

        // rows are bound (UTF-16 spans, no copies) and stepped through SQLitePCL directly: Microsoft.Data.Sqlite's parameters cost ~7 µs a row
        var sql = $"INSERT INTO {Q(table.Name)} ({string.Join(", ", insertColumns.Select(Q))}) VALUES ({string.Join(", ", insertColumns.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var db = _conn.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));
        var unitAt = types.Select(t => t.UnitColumn is { } u ? Array.IndexOf(header, u) : -1).ToArray();
        return new TableState(table, header, types, unitAt, stmt);
    }

    /// <summary>Binds text as UTF-8 (the database's encoding: SQLite's own UTF-16 conversion cost a quarter of an
    /// insert), encoded into a scratch buffer that SQLite copies.</summary>
    private void BindText(sqlite3_stmt stmt, int index, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, _utf8);
        raw.sqlite3_bind_text(stmt, index, _utf8.AsSpan(0, length));
    }

    private void Insert(TableState table, string[] record)
    {
        var stmt = table.Statement;
        var p = 1;
        if (!table.IsDocuments)
        {
            raw.sqlite3_bind_int64(stmt, p++, ++table.LastId);
        }

        for (var c = 0; c < table.Header.Length; c++)
        {
            var text = c < record.Length ? record[c] : string.Empty;
            var type = table.Types[c];
            if (type.Kind == ColumnKind.Text)
            {
                BindText(stmt, p++, text);
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
                BindText(stmt, p++, text);
            }

            if (type.IsMoney)
            {
                var unitAt = table.UnitAt[c];
                var unit = type.FixedUnit ?? (unitAt >= 0 && unitAt < record.Length ? record[unitAt] : string.Empty);
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
            throw new IOException($"{table.Table.Name}: {raw.sqlite3_errmsg(_conn.Handle!).utf8_to_string()}");
        }

        raw.sqlite3_reset(stmt);
    }

    private static void Indexes(SqliteConnection conn, SqliteTransaction tx, string table, string[] columns)
    {
        // a table with the cell index looks rows up by document_id through it (its first column): no index of its own
        string[] cell = ["document_id", "table_key", "code", "column_key"];
        var hasCell = cell.All(columns.Contains);
        foreach (var c in new[] { "document_id", "table_key", "code" })
        {
            if (columns.Contains(c) && !(c == "document_id" && (table == "documents" || hasCell)))
            {
                Execute(conn, tx, $"CREATE INDEX {Q($"ix_{table}_{c}")} ON {Q(table)} ({Q(c)})");
            }
        }

        if (hasCell)
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

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new IOException($"SQLite: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    private static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(SqliteConnection conn, SqliteTransaction? tx, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
