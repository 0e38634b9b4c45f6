namespace WebexCalls
{
    /// <summary>What kind of failure a <see cref="WebexApiException"/> reports.</summary>
    public enum WebexErrorKind
    {
        /// <summary>An HTTP status the other kinds do not cover.</summary>
        HttpError = 0,
        /// <summary>400: the request was invalid.</summary>
        BadRequest,
        /// <summary>401: the token is missing, wrong or expired.</summary>
        Unauthorized,
        /// <summary>403: the token lacks a scope or the user may not do this.</summary>
        Forbidden,
        /// <summary>404: the call (or another resource) does not exist.</summary>
        NotFound,
        /// <summary>409: the action conflicts with the call's state.</summary>
        Conflict,
        /// <summary>429 (or 423): rate limited; see <see cref="WebexApiException.RetryAfter"/>.</summary>
        RateLimited,
        /// <summary>5xx: the server failed.</summary>
        ServerError,
        /// <summary>No HTTP response: DNS, TCP or TLS failure.</summary>
        ConnectionFailed,
        /// <summary>The request timed out before a response came.</summary>
        Timeout,
        /// <summary>A success status with a body that could not be read.</summary>
        InvalidResponse,
        /// <summary>A 404 from a Members API route that Webex does not offer (admin mode).</summary>
        NotOffered,
        /// <summary>A new access token could not be had from the refresh token (revoked, expired, or a wrong client).</summary>
        TokenRefreshFailed,

        /// <summary>
        /// Not sent: a value that goes into the request (a call, member, organisation, line owner or endpoint id) cannot
        /// be a Webex id, or would take the request to another route; see <see cref="WebexApiException.ArgumentName"/>.
        /// </summary>
        InvalidId,
    }
}
