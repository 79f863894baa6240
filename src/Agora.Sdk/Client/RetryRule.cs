namespace Agora.Sdk.Client;

/// <summary>Whether a method may be sent again after a transient failure, and how.</summary>
internal enum RetryRule
{
    /// <summary>It may have changed something; an unclear outcome goes to the caller.</summary>
    Never,

    /// <summary>A read: sending it again changes nothing.</summary>
    Read,

    /// <summary><c>author_submitTransaction</c>: the same signed bytes again are deduplicated by the node.</summary>
    Submit,
}
