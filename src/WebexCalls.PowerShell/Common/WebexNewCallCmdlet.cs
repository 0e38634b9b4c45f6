using System.Management.Automation;
using WebexCalls.Client;

namespace WebexCalls.Commands
{
    /// <summary>
    /// The base of the cmdlets whose new call may alert one device (-EndpointId) or a Single Number Reach number
    /// instead of all the user's devices (dial, retrieve, pickup, barge-in); the spec makes the two mutually
    /// exclusive, and so do the parameter sets. The cmdlet starts its call with <see cref="WebexCallCmdlet.StartNewCall"/>.
    /// </summary>
    public abstract class WebexNewCallCmdlet : WebexCallCmdlet
    {
        /// <summary>The parameter set with -EndpointId (the default).</summary>
        protected const string EndpointSet = "Endpoint";

        /// <summary>The parameter set with -SingleNumberReachNumber.</summary>
        protected const string SingleNumberReachSet = "SingleNumberReach";

        /// <summary>The device or application to alert, from Webex's Get Preferred Answer Endpoint; all the user's devices when omitted.</summary>
        [Parameter(ParameterSetName = EndpointSet, ValueFromPipelineByPropertyName = true)]
        public string? EndpointId { get; set; }

        /// <summary>The Single Number Reach number to alert instead of the user's devices; not with -EndpointId.</summary>
        [Parameter(ParameterSetName = SingleNumberReachSet, Mandatory = true)]
        [PlainTextTransformation]
        [ValidateDestination]
        public string? SingleNumberReachNumber { get; set; }

        /// <summary>Where the new call alerts first, from -EndpointId or -SingleNumberReachNumber.</summary>
        protected NewCallOptions Options => new NewCallOptions
        {
            EndpointId = string.IsNullOrEmpty(EndpointId) ? null : EndpointId,
            SingleNumberReachNumber = SingleNumberReachNumber,
        };
    }
}
