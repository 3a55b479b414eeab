using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TreasuryArena.Core.Common;

namespace TreasuryArena.Infrastructure.Storage.Backup;

/// <summary>
/// The portable backup format (<c>treasury-arena-backup</c>, version 1), UTF-8 JSON Lines. Line 1 is the header
/// (<see cref="PortableBackupHeader"/>): engine, source, time, schema version (last migration) and every migration,
/// ledger head, each table's columns with their kind (<see cref="BackupColumnKind"/>) and row count, and the SHA-256
/// (lowercase hex) of everything after the header's newline. Then, for each table in the header's order, a line
/// <c>{"table":"name"}</c> followed by one JSON array per row, values in column order.
/// </summary>
public static class PortableBackupFile
{
    public const string Format = "treasury-arena-backup";
    public const int FormatVersion = 1;

    internal const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    internal const string DateFormat = "yyyy-MM-dd";

    private const string Placeholder = "0000000000000000000000000000000000000000000000000000000000000000";

    internal static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes a backup: <paramref name="header"/> (its hash is filled in), then the rows <paramref name="writeTables"/> hands to the writer.</summary>
    internal static async Task<string> WriteAsync(string path, PortableBackupHeader header, Func<Writer, Task> writeTables, CancellationToken ct)
    {
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header with { ContentSha256 = Placeholder }, Json);
        var key = Encoding.UTF8.GetBytes("\"content_sha256\":\"" + Placeholder + "\"");
        var at = headerBytes.AsSpan().LastIndexOf(key);
        if (at < 0)
        {
            throw new InvalidOperationException("backup header without its hash field");
        }

        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true);
        DatabaseBackup.OwnerOnly(path);
        await file.WriteAsync(headerBytes, ct);
        file.WriteByte((byte)'\n');
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var writer = new Writer(file, hash);
        await writeTables(writer);
        await writer.FlushAsync(ct);
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        file.Position = at + key.Length - 1 - Placeholder.Length;
        await file.WriteAsync(Encoding.ASCII.GetBytes(sha), ct);
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
        return sha;
    }

    /// <summary>Reads and checks the header; <see cref="Outcome.BackupInvalid"/> when it is not one this version reads.</summary>
    internal static PortableBackupHeader ReadHeader(string path)
    {
        using var file = File.OpenRead(path);
        var line = ReadLine(file, 16 << 20) ?? throw Invalid(path, "it has no header line");
        PortableBackupHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<PortableBackupHeader>(line, Json);
        }
        catch (JsonException ex)
        {
            throw Invalid(path, "its header is not valid JSON: " + ex.Message);
        }

        if (header is null || header.Format != Format || header.Tables is null || header.Migrations is null || header.ContentSha256 is not { Length: 64 })
        {
            throw Invalid(path, "its header does not name the format " + Format);
        }

        if (header.FormatVersion != FormatVersion)
        {
            throw new DomainException(Outcome.BackupSchemaTooNew, string.Create(CultureInfo.InvariantCulture,
                $"{path} is format version {header.FormatVersion}; this arena reads version {FormatVersion}"));
        }

        return header;
    }

    /// <summary>Checks the content against the header's SHA-256 before anything is restored from it.</summary>
    internal static async Task VerifyContentAsync(string path, PortableBackupHeader header, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        _ = ReadLine(file, 16 << 20);
        using var sha = SHA256.Create();
        var actual = Convert.ToHexStringLower(await sha.ComputeHashAsync(file, ct));
        if (!string.Equals(actual, header.ContentSha256, StringComparison.Ordinal))
        {
            throw Invalid(path, $"its content's SHA-256 is {actual}, the header says {header.ContentSha256} (damaged or edited)");
        }
    }

    internal static DomainException Invalid(string path, string why) =>
        new(Outcome.BackupInvalid, $"{path} is not a usable {Format} file: {why}");

    // The header line as bytes (without its newline); reads byte by byte so the stream stays right after it.
    private static byte[]? ReadLine(Stream stream, int max)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0 && b != '\n')
        {
            if (bytes.Count >= max)
            {
                return null;
            }

            bytes.Add((byte)b);
        }

        return bytes.Count == 0 && b < 0 ? null : [.. bytes];
    }

    /// <summary>Writes tables and rows after the header, hashing every byte it writes.</summary>
    internal sealed class Writer(Stream stream, IncrementalHash hash)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);

        public void BeginTable(string name)
        {
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WriteString("table", name);
                json.WriteEndObject();
            }

            EndLine();
        }

        public void WriteRow(IReadOnlyList<BackupColumn> columns, object?[] values)
        {
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartArray();
                for (var i = 0; i < values.Length; i++)
                {
                    WriteValue(json, columns[i], values[i]);
                }

                json.WriteEndArray();
            }

            EndLine();
        }

        public async Task FlushAsync(CancellationToken ct) => await stream.FlushAsync(ct);

        private void EndLine()
        {
            _buffer.Write("\n"u8);
            hash.AppendData(_buffer.WrittenSpan);
            stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }

        private static void WriteValue(Utf8JsonWriter json, BackupColumn column, object? value)
        {
            switch (value)
            {
                case null or DBNull:
                    json.WriteNullValue();
                    break;
                case long l:
                    json.WriteNumberValue(l);
                    break;
                case string s:
                    json.WriteStringValue(s);
                    break;
                case DateTimeOffset t:
                    json.WriteStringValue(t.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture));
                    break;
                case DateOnly d:
                    json.WriteStringValue(d.ToString(DateFormat, CultureInfo.InvariantCulture));
                    break;
                case double r:
                    json.WriteNumberValue(r);
                    break;
                default:
                    throw new InvalidOperationException($"column {column.Name}: a {value.GetType().Name} value has no form in the backup format");
            }
        }
    }
}
