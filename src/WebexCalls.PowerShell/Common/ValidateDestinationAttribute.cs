using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Refuses a dial destination that Webex could not dial, during parameter binding: before any request, and for
    /// pipeline input only the bad item fails.
    /// </summary>
    public sealed class ValidateDestinationAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Throws when <paramref name="arguments"/> is not a destination the spec accepts.</summary>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (!DestinationValidator.IsValid(text))
            {
                throw new ValidationMetadataException(DestinationValidator.Describe(text));
            }
        }
    }
}
