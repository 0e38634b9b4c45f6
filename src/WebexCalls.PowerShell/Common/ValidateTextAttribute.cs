using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the attributes that refuse a text argument during parameter binding, before any request, with a
    /// message that says what is accepted; for pipeline input only the bad item fails.
    /// </summary>
    public abstract class ValidateTextAttribute : ValidateArgumentsAttribute
    {
        /// <summary>True when <paramref name="text"/> is acceptable.</summary>
        protected abstract bool IsValid(string? text);

        /// <summary>Explains why <paramref name="text"/> is refused and what would be accepted.</summary>
        protected abstract string Describe(string? text);

        /// <summary>Throws when <paramref name="arguments"/> is not acceptable text.</summary>
        protected sealed override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (!IsValid(text))
            {
                throw new ValidationMetadataException(Describe(text));
            }
        }
    }
}
