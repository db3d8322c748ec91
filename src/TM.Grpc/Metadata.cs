using System.Buffers;
using System.Collections;
using System.Text;

namespace TM.Grpc;

/// <summary>
/// Custom metadata of a call: ordered key/value entries sent as HTTP/2 headers or trailers.
/// Keys are lower-cased ASCII (<c>0-9 a-z _ - .</c>); a key ending in <c>-bin</c> carries a binary value,
/// which travels base64-encoded. Duplicate keys are allowed and keep their order.
/// </summary>
public sealed class Metadata : IList<Metadata.Entry>
{
    /// <summary>The suffix that marks a key whose value is binary.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    /// <summary>An empty, read-only instance; adding to it throws <see cref="InvalidOperationException"/>.</summary>
    public static readonly Metadata Empty = new Metadata().Freeze();

    private readonly List<Entry> _entries = [];
    private bool _readOnly;

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>Whether the instance rejects changes (only <see cref="Empty"/> does).</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>Gets or replaces the entry at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based position.</param>
    public Entry this[int index]
    {
        get => _entries[index];
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            CheckWritable();
            _entries[index] = value;
        }
    }

    /// <summary>Adds an ASCII-valued entry.</summary>
    /// <param name="key">The key; must not end with <c>-bin</c>.</param>
    /// <param name="value">The value: printable ASCII.</param>
    public void Add(string key, string value) => Add(new Entry(key, value));

    /// <summary>Adds a binary-valued entry.</summary>
    /// <param name="key">The key; must end with <c>-bin</c>.</param>
    /// <param name="valueBytes">The value; the array is not copied.</param>
    public void Add(string key, byte[] valueBytes) => Add(new Entry(key, valueBytes));

    /// <summary>Adds an entry.</summary>
    /// <param name="item">The entry to append.</param>
    public void Add(Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Add(item);
    }

    /// <summary>Gets the last entry with the given key.</summary>
    /// <param name="key">The key, compared case-insensitively.</param>
    /// <returns>The entry, or <see langword="null"/> when there is none.</returns>
    public Entry? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>Gets the string value of the last entry with the given key.</summary>
    /// <param name="key">The key of an ASCII-valued entry.</param>
    /// <returns>The value, or <see langword="null"/> when there is no such entry.</returns>
    /// <exception cref="InvalidOperationException">The entry is binary.</exception>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>Gets the bytes of the last entry with the given key.</summary>
    /// <param name="key">The key of a binary entry (an ASCII entry returns its ASCII bytes).</param>
    /// <returns>The value, or <see langword="null"/> when there is no such entry.</returns>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>Returns the position of an entry.</summary>
    /// <param name="item">The entry (compared by reference).</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(Entry item) => _entries.IndexOf(item);

    /// <summary>Inserts an entry.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <param name="item">The entry.</param>
    public void Insert(int index, Entry item)
    {
        ArgumentNullException.ThrowIfNull(item);
        CheckWritable();
        _entries.Insert(index, item);
    }

    /// <summary>Removes the entry at a position.</summary>
    /// <param name="index">The zero-based position.</param>
    public void RemoveAt(int index)
    {
        CheckWritable();
        _entries.RemoveAt(index);
    }

    /// <summary>Removes all entries.</summary>
    public void Clear()
    {
        CheckWritable();
        _entries.Clear();
    }

    /// <summary>Whether the entry is present.</summary>
    /// <param name="item">The entry (compared by reference).</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(Entry item) => _entries.Contains(item);

    /// <summary>Copies the entries into an array.</summary>
    /// <param name="array">The destination.</param>
    /// <param name="arrayIndex">The first destination index.</param>
    public void CopyTo(Entry[] array, int arrayIndex) => _entries.CopyTo(array, arrayIndex);

    /// <summary>Removes an entry.</summary>
    /// <param name="item">The entry (compared by reference).</param>
    /// <returns><see langword="true"/> when it was removed.</returns>
    public bool Remove(Entry item)
    {
        CheckWritable();
        return _entries.Remove(item);
    }

    /// <summary>Enumerates the entries in order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Metadata Freeze()
    {
        _readOnly = true;
        return this;
    }

    private void CheckWritable()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("Metadata.Empty is read-only; create a new Metadata instance instead.");
        }
    }

    /// <summary>One metadata entry: a normalized key and either an ASCII or a binary value.</summary>
    public sealed class Entry
    {
        private static readonly SearchValues<char> KeyChars = SearchValues.Create("-.0123456789_abcdefghijklmnopqrstuvwxyz");

        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        /// <summary>Creates an ASCII-valued entry.</summary>
        /// <param name="key">The key; lower-cased; must not end with <c>-bin</c>.</param>
        /// <param name="value">The value: printable ASCII (space through <c>~</c>).</param>
        /// <exception cref="ArgumentException">The key is invalid or binary, or the value is not printable ASCII.</exception>
        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' ends with '{BinaryHeaderSuffix}', so its value must be binary.", nameof(key));
            }

            if (!IsValidAsciiValue(value))
            {
                throw new ArgumentException($"Value of metadata key '{Key}' must contain only printable ASCII characters; use a '{BinaryHeaderSuffix}' key for other data.", nameof(value));
            }

            _value = value;
        }

        /// <summary>Creates a binary-valued entry.</summary>
        /// <param name="key">The key; lower-cased; must end with <c>-bin</c>.</param>
        /// <param name="valueBytes">The value; the array is not copied.</param>
        /// <exception cref="ArgumentException">The key is invalid or does not end with <c>-bin</c>.</exception>
        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
            {
                throw new ArgumentException($"Key '{Key}' of a binary value must end with '{BinaryHeaderSuffix}'.", nameof(key));
            }

            _valueBytes = valueBytes;
        }

        /// <summary>The lower-cased key.</summary>
        public string Key { get; }

        /// <summary>The string value of an ASCII entry.</summary>
        /// <exception cref="InvalidOperationException">The entry is binary; use <see cref="ValueBytes"/>.</exception>
        public string Value => _value ?? throw new InvalidOperationException($"Metadata entry '{Key}' is binary; read ValueBytes instead.");

        /// <summary>The value bytes: the binary value itself, or the ASCII bytes of a string value.</summary>
        public byte[] ValueBytes => _valueBytes ?? Encoding.ASCII.GetBytes(_value!);

        /// <summary>Whether the value is binary (the key ends with <c>-bin</c>).</summary>
        public bool IsBinary => _valueBytes is not null;

        /// <summary>Formats the entry for diagnostics.</summary>
        /// <returns>For example <c>[Entry: key=user-agent, value=tm/1.0]</c>.</returns>
        public override string ToString() => IsBinary
            ? $"[Entry: key={Key}, valueBytes={Convert.ToBase64String(_valueBytes!)}]"
            : $"[Entry: key={Key}, value={_value}]";

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether a (lower-cased) key uses only the characters gRPC allows in metadata keys.</summary>
        internal static bool IsValidKey(string key) => key.Length > 0 && !key.AsSpan().ContainsAnyExcept(KeyChars);

        /// <summary>Whether a value is printable ASCII, as gRPC requires of non-binary values.</summary>
        internal static bool IsValidAsciiValue(string value) => !value.AsSpan().ContainsAnyExceptInRange(' ', '~');

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var normalized = key.ToLowerInvariant();
            if (!IsValidKey(normalized))
            {
                throw new ArgumentException($"Metadata key '{key}' is invalid; only 0-9, a-z, '_', '-' and '.' are allowed.", nameof(key));
            }

            return normalized;
        }
    }
}
