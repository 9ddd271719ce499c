namespace DisclosureExtract.Export;

/// <summary>Whether SQLite's native library (e_sqlite3) can be loaded: the Native AOT binary has it beside it
/// (libe_sqlite3.so), and a binary copied without it could convert a whole batch and then fail to write
/// disclosures.sqlite, losing the batch. The command line checks before converting anything; the nightly worker, whose
/// state is a SQLite database, before it starts.</summary>
public static class SqliteLibrary
{
    /// <summary>Null when SQLite loads; otherwise what is wrong and what to do, for the user.</summary>
    public static string? Problem()
    {
        try
        {
            SQLitePCL.Batteries_V2.Init();
            return SQLitePCL.raw.sqlite3_libversion_number() > 0 ? null : "SQLite's native library reports no version";
        }
        catch (Exception e) when (Innermost(e) is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return $"SQLite's native library (libe_sqlite3) could not be loaded from {AppContext.BaseDirectory} ({Innermost(e).GetType().Name}): keep the file that came with the program beside it";
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
