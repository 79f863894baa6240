using Agora.Core.Codec;
using Agora.Core.Primitives;
using Agora.Protocol.Codec;
using Agora.Protocol.Events;

namespace Agora.Protocol.Emission;

/// <summary>A block minted <paramref name="Amount"/> of emission; issuance is now <paramref name="TotalIssuance"/>.</summary>
public sealed record EmissionMinted(Rao Amount, Rao TotalIssuance) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.EmissionMinted;

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() => [new("amount", Amount), new("total_issuance", TotalIssuance)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.Rao(Amount).Rao(TotalIssuance);

    internal static EmissionMinted Decode(ref CodecReader reader) => new(reader.Rao("emission.amount"), reader.Rao("emission.total_issuance"));
}
