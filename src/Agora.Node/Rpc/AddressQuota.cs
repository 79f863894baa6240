using System.Net;

namespace Agora.Node.Rpc;

/// <summary>
/// Counts what is open (connections, WebSockets) in total and per remote address against two limits, so that one
/// address cannot take every slot. Thread-safe; an address's entry is dropped when its count returns to 0, so that
/// addresses seen once do not grow the table.
/// </summary>
internal sealed class AddressQuota
{
    private readonly Dictionary<IPAddress, int> _perAddress = [];
    private int _open;

    /// <param name="totalMax">The most open at once over all addresses.</param>
    /// <param name="totalLimit">The option that sets <paramref name="totalMax"/>, for refusals.</param>
    /// <param name="perAddressMax">The most open at once from one address.</param>
    /// <param name="perAddressLimit">The option that sets <paramref name="perAddressMax"/>, for refusals.</param>
    /// <param name="what">What is counted, e.g. "connections", for refusal messages.</param>
    public AddressQuota(int totalMax, string totalLimit, int perAddressMax, string perAddressLimit, string what)
    {
        TotalMax = totalMax;
        TotalLimit = totalLimit;
        PerAddressMax = perAddressMax;
        PerAddressLimit = perAddressLimit;
        What = what;
    }

    public int TotalMax { get; }

    public string TotalLimit { get; }

    public int PerAddressMax { get; }

    public string PerAddressLimit { get; }

    public string What { get; }

    /// <summary>The address a client connected from, IPv4-mapped addresses as IPv4.</summary>
    public static IPAddress Normalize(IPAddress? address) =>
        address is null ? IPAddress.None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Takes a slot for <paramref name="address"/>, or returns the limit that refuses it and why.</summary>
    public (string Limit, string Detail)? TryTake(IPAddress address)
    {
        lock (_perAddress)
        {
            if (_open >= TotalMax)
            {
                return (TotalLimit, $"{_open} {What} are open, the most allowed ({TotalLimit}); refused one from {address}");
            }

            var fromAddress = _perAddress.GetValueOrDefault(address);
            if (fromAddress >= PerAddressMax)
            {
                return (PerAddressLimit, $"{address} already has {fromAddress} {What} open, the most one address may ({PerAddressLimit}); refused another");
            }

            _perAddress[address] = fromAddress + 1;
            _open++;
            return null;
        }
    }

    /// <summary>Gives back a slot <see cref="TryTake"/> took for <paramref name="address"/>.</summary>
    public void Release(IPAddress address)
    {
        lock (_perAddress)
        {
            _open--;
            if (_perAddress[address] == 1)
            {
                _perAddress.Remove(address);
            }
            else
            {
                _perAddress[address]--;
            }
        }
    }
}
