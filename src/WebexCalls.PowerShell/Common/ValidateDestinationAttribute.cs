using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>Refuses a destination or target that Webex could not dial (see <see cref="DestinationValidator"/>).</summary>
    public sealed class ValidateDestinationAttribute : ValidateTextAttribute
    {
        /// <inheritdoc />
        protected override bool IsValid(string? text) => DestinationValidator.IsValid(text);

        /// <inheritdoc />
        protected override string Describe(string? text) => DestinationValidator.Describe(text);
    }
}
