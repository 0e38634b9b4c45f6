using System;

namespace WebexCalls
{
    /// <summary>The current Webex Calling connection as Connect-WebexCalling -PassThru shows it: never the token.</summary>
    public sealed class WebexConnectionInfo
    {
        internal WebexConnectionInfo(Uri baseUri, string tokenSource, DateTimeOffset connectedAt, int activeCalls)
        {
            BaseUri = baseUri;
            TokenSource = tokenSource;
            ConnectedAt = connectedAt;
            ActiveCalls = activeCalls;
        }

        /// <summary>The API root the module sends requests to.</summary>
        public Uri BaseUri { get; }

        /// <summary>Where the token came from: the AccessToken parameter or the WEBEX_ACCESS_TOKEN variable.</summary>
        public string TokenSource { get; }

        /// <summary>When the connection was checked and stored.</summary>
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>How many active calls the user had when the connection was checked.</summary>
        public int ActiveCalls { get; }
    }
}
