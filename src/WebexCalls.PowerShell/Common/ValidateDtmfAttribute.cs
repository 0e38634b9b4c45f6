using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Refuses anything but DTMF digits: 0-9 * # A-D, with a comma for a pause (see <see cref="DtmfValidator"/>).</summary>
    public sealed class ValidateDtmfAttribute : ValidateTextAttribute
    {
        /// <inheritdoc />
        protected override bool IsValid(string? text) => DtmfValidator.IsValid(text);

        /// <inheritdoc />
        protected override string Describe(string? text) => DtmfValidator.Describe(text);
    }
}
