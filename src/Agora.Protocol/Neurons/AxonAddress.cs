using System.Net;
using Agora.Protocol.Modules;

namespace Agora.Protocol.Neurons;

/// <summary>
/// What an axon may announce: a routable IPv4 or IPv6 address (not unspecified, not multicast; loopback only on a
/// chain that allows it), a non-zero port, a known protocol. IPv4-mapped IPv6 addresses are judged as their IPv4.
/// </summary>
public static class AxonAddress
{
    /// <summary>The highest protocol number (0 = HTTP; 1–3 reserved for later transports).</summary>
    public const byte ProtocolMax = 3;

    /// <summary>The error of an axon that may not be served, or null when it may.</summary>
    public static CallError? Check(ReadOnlySpan<byte> ip, ushort port, byte protocol, bool allowsLoopback)
    {
        if (ip.Length is not (4 or 16))
        {
            return NeuronsError.InvalidAxon.Because($"the address has {ip.Length} bytes; give 4 (IPv4) or 16 (IPv6)");
        }

        var v4 = AsIpv4(ip);
        var text = Format(ip);
        if (IsUnspecified(ip, v4))
        {
            return NeuronsError.InvalidAxon.Because($"{text} is the unspecified address; give the address clients reach the axon at");
        }

        if (IsMulticast(ip, v4))
        {
            return NeuronsError.InvalidAxon.Because($"{text} is a multicast address; give a unicast address");
        }

        if (!allowsLoopback && IsLoopback(ip, v4))
        {
            return NeuronsError.LoopbackNotAllowed.Because($"{text} is a loopback address, which only development chains accept; give a public address");
        }

        if (port == 0)
        {
            return NeuronsError.InvalidAxon.Because("port 0 is not a port clients can reach; give 1–65535");
        }

        return protocol > ProtocolMax
            ? NeuronsError.InvalidAxon.Because($"protocol {protocol} is not known; use 0 (HTTP) … {ProtocolMax}")
            : null;
    }

    /// <summary>The usual text of a 4- or 16-byte address; other lengths as hex.</summary>
    public static string Format(ReadOnlySpan<byte> ip) =>
        ip.Length is 4 or 16 ? new IPAddress(ip).ToString() : Convert.ToHexStringLower(ip);

    private static ReadOnlySpan<byte> AsIpv4(ReadOnlySpan<byte> ip)
    {
        if (ip.Length == 4)
        {
            return ip;
        }

        // ::ffff:a.b.c.d reaches the IPv4 host a.b.c.d, so it is judged as that address.
        return ip[..10].IndexOfAnyExcept((byte)0) < 0 && ip[10] == 0xFF && ip[11] == 0xFF ? ip[12..] : [];
    }

    private static bool IsUnspecified(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> v4) =>
        ip.IndexOfAnyExcept((byte)0) < 0 || (v4.Length == 4 && v4.IndexOfAnyExcept((byte)0) < 0);

    private static bool IsMulticast(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> v4) =>
        v4.Length == 4 ? (v4[0] & 0xF0) == 0xE0 : ip[0] == 0xFF;

    private static bool IsLoopback(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> v4) =>
        v4.Length == 4 ? v4[0] == 127 : ip[..15].IndexOfAnyExcept((byte)0) < 0 && ip[15] == 1;
}
