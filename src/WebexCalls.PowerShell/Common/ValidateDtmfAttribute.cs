using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Refuses anything but DTMF digits (0-9 * # A-D, comma for a pause) during parameter binding, before any request.</summary>
    public sealed class ValidateDtmfAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Throws when <paramref name="arguments"/> is not a DTMF sequence.</summary>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject as string : arguments as string;
            if (!DtmfValidator.IsValid(text))
            {
                throw new ValidationMetadataException(DtmfValidator.Describe(text));
            }
        }
    }
}
