using System.Globalization;

namespace ImpClusterSim.Pki;

/// <summary>
/// Walks the tag-length-value structure of DER data to find where it breaks, so that an error can say
/// "DER decoding failed at offset N: ..." instead of showing a parser's stack trace.
/// </summary>
internal static class DerChecker
{
    private const int MaxDepth = 32;

    /// <summary>Null when <paramref name="data"/> starts with one well-formed element; otherwise what is wrong and where.
    /// <paramref name="end"/> receives the offset just after that element.</summary>
    public static string? FirstError(ReadOnlySpan<byte> data, out int end) => Element(data, 0, data.Length, 0, out end);

    private static string? Element(ReadOnlySpan<byte> data, int offset, int limit, int depth, out int next)
    {
        next = offset;
        if (depth > MaxDepth)
        {
            return At(offset, "nesting is too deep");
        }
        if (offset >= limit)
        {
            return At(offset, "expected a tag but the data ended");
        }
        var tag = data[offset];
        var position = offset + 1;
        if ((tag & 0x1F) == 0x1F)
        {
            while (position < limit && (data[position] & 0x80) != 0)
            {
                position++;
            }
            position++;
        }
        if (position >= limit)
        {
            return At(offset, "the data ended inside a tag or before its length");
        }
        int length = data[position++];
        if (length == 0x80)
        {
            return At(offset, "indefinite length is not allowed in DER");
        }
        if (length > 0x80)
        {
            var count = length & 0x7F;
            if (count > 4 || position + count > limit)
            {
                return At(offset, "the length field is invalid");
            }
            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[position++];
            }
            if (length < 0)
            {
                return At(offset, "the length field is invalid");
            }
        }
        if ((long)position + length > limit)
        {
            var here = At(offset, $"element of {length} bytes runs past the end of its container ({limit - position} bytes left)");
            // A truncated constructed element: report the deepest element that the cut goes through.
            return (tag & 0x20) != 0 ? DeepestCut(data, position, limit, depth) ?? here : here;
        }
        next = position + length;
        if ((tag & 0x20) != 0)
        {
            var child = position;
            while (child < next)
            {
                var error = Element(data, child, next, depth + 1, out child);
                if (error is not null)
                {
                    return error;
                }
            }
        }
        return null;
    }

    private static string? DeepestCut(ReadOnlySpan<byte> data, int position, int limit, int depth)
    {
        while (position < limit)
        {
            var error = Element(data, position, limit, depth + 1, out position);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private static string At(int offset, string what) => string.Create(CultureInfo.InvariantCulture, $"offset {offset}: {what}");

    /// <summary>The tags of the direct children of the first element (which must be well formed).</summary>
    public static IReadOnlyList<byte> ChildTags(byte[] data)
    {
        var tags = new List<byte>();
        if (Header(data, 0, data.Length, out var contentStart, out var contentEnd))
        {
            var child = contentStart;
            while (child < contentEnd && Header(data, child, contentEnd, out _, out var childEnd))
            {
                tags.Add(data[child]);
                child = childEnd;
            }
        }
        return tags;
    }

    /// <summary>
    /// The first primitive element (depth first) whose contents BouncyCastle cannot decode, e.g. a GeneralizedTime of
    /// year 0000: its tag, offset and contents. Null when every primitive decodes.
    /// </summary>
    public static (byte Tag, int Offset, byte[] Contents)? FirstUndecodablePrimitive(byte[] data) => Undecodable(data, 0, data.Length, 0);

    private static (byte Tag, int Offset, byte[] Contents)? Undecodable(byte[] data, int offset, int limit, int depth)
    {
        var position = offset;
        while (position < limit && depth <= MaxDepth)
        {
            if (!Header(data, position, limit, out var contentStart, out var contentEnd))
            {
                return null;
            }
            var tag = data[position];
            if ((tag & 0x20) != 0)
            {
                if (Undecodable(data, contentStart, contentEnd, depth + 1) is { } inner)
                {
                    return inner;
                }
            }
            else if ((tag & 0xC0) == 0)
            {
                try
                {
                    Org.BouncyCastle.Asn1.Asn1Object.FromByteArray(data[position..contentEnd]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    return (tag, position, data[contentStart..contentEnd]);
                }
            }
            position = contentEnd;
        }
        return null;
    }

    /// <summary>Reads the header of the element at <paramref name="offset"/>: where its contents start and end.</summary>
    private static bool Header(byte[] data, int offset, int limit, out int contentStart, out int contentEnd)
    {
        contentStart = contentEnd = offset;
        if (Element(data, offset, limit, 0, out var next) is not null)
        {
            return false;
        }
        var position = offset + 1;
        if ((data[offset] & 0x1F) == 0x1F)
        {
            while ((data[position] & 0x80) != 0)
            {
                position++;
            }
            position++;
        }
        int length = data[position++];
        if (length > 0x80)
        {
            position += length & 0x7F;
        }
        contentStart = position;
        contentEnd = next;
        return true;
    }
}
