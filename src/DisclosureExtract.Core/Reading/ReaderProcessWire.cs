using System.Runtime.InteropServices;
using DisclosureExtract.Model;

namespace DisclosureExtract.Reading;

/// <summary>
/// The messages between <see cref="PdfReaderProcessPool"/> and a <see cref="PdfReaderServer"/>: a request carries one
/// file's bytes, the answer the lines the reader made of them, exactly (strings as their UTF-16 code units, so even a lone
/// surrogate a broken font map produced survives; numbers as their binary form), so a document read in another process
/// is the document read in this one.
/// </summary>
internal static class ReaderProcessWire
{
    public const byte Read = 1;
    public const byte Document = 10;
    public const byte InputError = 11;
    public const byte InternalError = 12;
    public const byte Goodbye = 20;

    /// <summary>The first bytes a reader process writes: it is one (not some other program), speaking this version.</summary>
    public const int Hello = 0x44585052; // "DXPR"
    public const int Version = 1;

    public static void WriteRequest(BinaryWriter w, string documentId, string path, string sha256, byte[] bytes)
    {
        w.Write(Read);
        WriteString(w, documentId);
        WriteString(w, path);
        WriteString(w, sha256);
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    public static (string DocumentId, string Path, string Sha256, byte[] Bytes) ReadRequestBody(BinaryReader r)
    {
        var id = ReadString(r);
        var path = ReadString(r);
        var sha = ReadString(r);
        var length = r.ReadInt32();
        var bytes = r.ReadBytes(length);
        if (bytes.Length != length)
        {
            throw new EndOfStreamException("the request ends inside the file's bytes");
        }

        return (id, path, sha, bytes);
    }

    public static void WriteDocument(BinaryWriter w, SourceDocument doc)
    {
        w.Write(Document);
        WriteNullableString(w, doc.Encoding);
        WriteNullableInt(w, doc.PageCount);
        w.Write(doc.Lines.Count);
        foreach (var line in doc.Lines)
        {
            w.Write(line.Index);
            w.Write(line.Number);
            WriteNullableInt(w, line.Page);
            WriteString(w, line.Text);
            WriteString(w, line.Norm);
            w.Write(line.IsHeading);
            if (line.Cells is null)
            {
                w.Write(-1);
                continue;
            }

            w.Write(line.Cells.Count);
            foreach (var cell in line.Cells)
            {
                WriteString(w, cell.Text);
                WriteNullableInt(w, cell.Column);
                WriteNullableDouble(w, cell.Left);
                WriteNullableDouble(w, cell.Right);
            }
        }
    }

    /// <summary>Reads a document's body (after its <see cref="Document"/> byte); the identity comes from the request.</summary>
    public static SourceDocument ReadDocumentBody(BinaryReader r, string documentId, string path, SourceFormat format, string sha256)
    {
        var encoding = ReadNullableString(r);
        var pageCount = ReadNullableInt(r);
        var count = r.ReadInt32();
        var lines = new DocLine[count];
        for (var i = 0; i < count; i++)
        {
            var index = r.ReadInt32();
            var number = r.ReadInt32();
            var page = ReadNullableInt(r);
            var text = ReadString(r);
            var norm = ReadString(r);
            var heading = r.ReadBoolean();
            var cellCount = r.ReadInt32();
            TextCell[]? cells = null;
            if (cellCount >= 0)
            {
                cells = new TextCell[cellCount];
                for (var c = 0; c < cellCount; c++)
                {
                    cells[c] = new TextCell(ReadString(r), ReadNullableInt(r), ReadNullableDouble(r), ReadNullableDouble(r));
                }
            }

            lines[i] = new DocLine(index, number, page, text, norm, cells, heading);
        }

        return new SourceDocument(documentId, path, format, sha256, encoding, pageCount, lines);
    }

    public static void WriteError(BinaryWriter w, byte kind, string message)
    {
        w.Write(kind);
        WriteString(w, message);
    }

    public static void WriteGoodbye(BinaryWriter w, long peakWorkingSetBytes, double cpuSeconds)
    {
        w.Write(Goodbye);
        w.Write(peakWorkingSetBytes);
        w.Write(cpuSeconds);
    }

    public static void WriteString(BinaryWriter w, string s)
    {
        w.Write(s.Length);
        w.Write(MemoryMarshal.AsBytes(s.AsSpan()));
    }

    public static string ReadString(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0)
        {
            throw new InvalidDataException("negative string length");
        }

        var bytes = r.ReadBytes(checked(length * 2));
        if (bytes.Length != length * 2)
        {
            throw new EndOfStreamException("the message ends inside a string");
        }

        return new string(MemoryMarshal.Cast<byte, char>(bytes));
    }

    private static void WriteNullableString(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            WriteString(w, s);
        }
    }

    private static string? ReadNullableString(BinaryReader r) => r.ReadBoolean() ? ReadString(r) : null;

    private static void WriteNullableInt(BinaryWriter w, int? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    private static int? ReadNullableInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static void WriteNullableDouble(BinaryWriter w, double? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    private static double? ReadNullableDouble(BinaryReader r) => r.ReadBoolean() ? r.ReadDouble() : null;
}
