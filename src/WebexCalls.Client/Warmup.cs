using System;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WebexCalls.Client.Http;

namespace WebexCalls.Client
{
    /// <summary>
    /// Runs the code of a first request ahead of time, against canned answers and never the network, so that the
    /// first real Connect-WebexCalling and Get-WebexCall do not pay for loading and compiling it. The module starts it
    /// on a thread-pool thread when it is imported: in a session, someone typing Connect-WebexCalling gives it all
    /// the time it needs; in a script, it runs on another core while PowerShell prepares the next command.
    /// </summary>
    public static class Warmup
    {
        /// <summary>
        /// Builds a throw-away connection whose network is a stub, lists calls and reads a call that is not there (the
        /// connection check's 404). Never throws: whatever fails here fails again, reported, on first real use.
        /// </summary>
        public static async Task RunAsync()
        {
            try
            {
                using var token = new SecureString();
                token.AppendChar('w');
                token.MakeReadOnly();
                using var connection = new WebexHttpConnection(new Uri("https://warmup.invalid/v1"), new SecureStringTokenProvider(token), null, () => new CannedAnswers());
                var client = connection.CreateClient();
                await client.ListCallsAsync(null, CancellationToken.None).ConfigureAwait(false);
                await client.GetCallAsync("warmup", null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Expected for the 404, and harmless for anything else: this was only a rehearsal.
            }
        }

        /// <summary>Answers a list with one call and anything else with Webex's 404, without a socket.</summary>
        private sealed class CannedAnswers : HttpMessageHandler
        {
            private const string List = "{\"items\":[{\"id\":\"warmup\",\"callSessionId\":\"s\",\"personality\":\"terminator\",\"state\":\"connected\","
                + "\"remoteParty\":{\"name\":\"W\",\"number\":\"1\",\"privacyEnabled\":false,\"callType\":\"location\"},\"created\":\"2026-01-01T00:00:00.000Z\"}]}";

            private const string NotFound = "{\"message\":\"Call not found\",\"errors\":[{\"description\":\"Call not found\"}],\"trackingId\":\"WARMUP\"}";

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var isList = request.RequestUri?.AbsolutePath.EndsWith("/calls", StringComparison.Ordinal) == true;
                var response = new HttpResponseMessage(isList ? HttpStatusCode.OK : HttpStatusCode.NotFound)
                {
                    Content = new StringContent(isList ? List : NotFound, Encoding.UTF8, "application/json"),
                    RequestMessage = request,
                };
                response.Headers.TryAddWithoutValidation("trackingid", "WARMUP");
                return Task.FromResult(response);
            }
        }
    }
}
