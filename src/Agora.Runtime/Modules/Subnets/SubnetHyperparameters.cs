using System.Collections.Immutable;
using Agora.Core.Codec;
using Agora.Protocol.Subnets;

namespace Agora.Runtime.Modules.Subnets;

/// <summary>A subnet's hyperparameter values, one u64 per <see cref="HyperparameterId"/>. Immutable.</summary>
public sealed class SubnetHyperparameters : IEquatable<SubnetHyperparameters>
{
    private const byte EncodingVersion = 1;
    private readonly ImmutableArray<ulong> _values;

    private SubnetHyperparameters(ImmutableArray<ulong> values) => _values = values;

    /// <summary>The main-chain defaults of DESIGN §4a.</summary>
    public static SubnetHyperparameters MainDefaults { get; } = new(Hyperparameters.Definitions.Select(d => d.MainDefault).ToImmutableArray());

    /// <summary>The dev-chain defaults (faster tempo, shorter immunity and rate limits).</summary>
    public static SubnetHyperparameters DevDefaults { get; } = new(Hyperparameters.Definitions.Select(d => d.DevDefault).ToImmutableArray());

    /// <summary>The value of <paramref name="id"/>.</summary>
    public ulong this[HyperparameterId id] => _values[(int)id];

    /// <summary>Every value in id order.</summary>
    public IReadOnlyList<ulong> Values => _values;

    /// <summary>Tempo: an epoch runs every tempo + 1 blocks.</summary>
    public ulong Tempo => this[HyperparameterId.Tempo];

    /// <summary>Maximum neurons (uids) on the subnet.</summary>
    public ulong MaxAllowedUids => this[HyperparameterId.MaxAllowedUids];

    /// <summary>These values with <paramref name="id"/> set to <paramref name="value"/> (bounds are the caller's to check).</summary>
    public SubnetHyperparameters With(HyperparameterId id, ulong value) => new(_values.SetItem((int)id, value));

    /// <summary>Canonical encoding: version, count, the values.</summary>
    public byte[] Encode()
    {
        var writer = new CodecWriter(8 + (8 * _values.Length)).U8(EncodingVersion).Length32(_values.Length);
        foreach (var value in _values)
        {
            writer.U64(value);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a stored record; values a newer runtime added and the record lacks take their main default.</summary>
    public static SubnetHyperparameters Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new CodecReader(bytes);
        var version = reader.U8("hyperparameters.version");
        if (version != EncodingVersion)
        {
            throw new CodecException($"hyperparameters.version: {version} is not known");
        }

        var count = reader.Length32("hyperparameters.count", 256);
        var values = MainDefaults._values.ToBuilder();
        for (var i = 0; i < count; i++)
        {
            var value = reader.U64("hyperparameters.value");
            if (i < values.Count)
            {
                values[i] = value;
            }
        }

        reader.End("hyperparameters");
        return new SubnetHyperparameters(values.ToImmutable());
    }

    /// <inheritdoc />
    public bool Equals(SubnetHyperparameters? other) => other is not null && _values.AsSpan().SequenceEqual(other._values.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SubnetHyperparameters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var folded = 0UL;
        foreach (var value in _values)
        {
            folded = unchecked((folded * 31) + value);
        }

        return unchecked((int)folded ^ (int)(folded >> 32));
    }
}
