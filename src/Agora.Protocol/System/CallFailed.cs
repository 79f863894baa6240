using Agora.Core.Codec;
using Agora.Protocol.Events;
using Agora.Protocol.Modules;

namespace Agora.Protocol.System;

/// <summary>
/// A transaction was included and paid its fee, but its call failed and changed nothing else (Substrate's rule, so a
/// failing call cannot be spammed for free).
/// </summary>
public sealed record CallFailed(ModuleId Module, ushort Error) : RuntimeEvent
{
    /// <inheritdoc />
    public override EventTag Tag => EventTag.CallFailed;

    /// <summary>The error's snake_case name.</summary>
    public string ErrorName => CallErrors.NameOf(Module, Error);

    /// <inheritdoc />
    public override IReadOnlyList<EventField> Fields() =>
        [new("module", SnakeCase.Of(Module.ToString())), new("error", ErrorName), new("error_code", Error)];

    /// <inheritdoc />
    protected override void EncodeFields(CodecWriter writer) => writer.U8((byte)Module).U16(Error);

    internal static CallFailed Decode(ref CodecReader reader) => new((ModuleId)reader.U8("call_failed.module"), reader.U16("call_failed.error"));
}
