using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace WebexCalls.Client.Http
{
    /// <summary>Reads the <c>next</c> link of an RFC 8288 <c>Link</c> header, as Webex pages its lists.</summary>
    internal static class LinkHeader
    {
        private static readonly Regex Entry = new Regex(@"<(?<uri>[^>]*)>(?<params>[^,<]*)", RegexOptions.CultureInvariant);
        private static readonly Regex NextRelation = new Regex(@";\s*rel\s*=\s*""?(?:[^"";]*\s)?next(?:\s[^"";]*)?""?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The <c>rel="next"</c> URI of <paramref name="response"/>, exactly as given; null when there is none.</summary>
        public static string? Next(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Link", out var values) ? NextOf(string.Join(",", values)) : null;

        /// <summary>The <c>rel="next"</c> URI of a <c>Link</c> header's text; null when there is none.</summary>
        public static string? NextOf(string? header)
        {
            if (string.IsNullOrEmpty(header))
            {
                return null;
            }

            return Entry.Matches(header).Cast<Match>()
                .Where(match => NextRelation.IsMatch(match.Groups["params"].Value))
                .Select(match => match.Groups["uri"].Value.Trim())
                .FirstOrDefault(uri => uri.Length > 0);
        }
    }
}
