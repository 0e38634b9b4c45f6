using System;
using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace WebexCalls.Client.Http
{
    /// <summary>
    /// Reads a list outside Call Controls page by page (the directory, webhooks): by the <c>Link</c> header's
    /// <c>next</c> URL, followed as given, or, for an API whose spec declares only <c>start</c>/<c>max</c>, by asking for
    /// the next <c>start</c> while a page comes back full. Each page is handed on as it arrives; a link that repeats a
    /// page already read ends the list as <see cref="WebexErrorKind.InvalidResponse"/>, never a loop.
    /// </summary>
    internal static class PageReader
    {
        public static async Task ReadAsync<TPage, TItem>(
            WebexRequestSender sender, string operation, string firstPath, JsonTypeInfo<TPage> type, Func<TPage, int> countOf, Func<TPage, List<TItem>> itemsOf,
            Action<TItem> stamp, int pageSize, Func<int, string>? pathAt, Action<IReadOnlyList<TItem>> onPage, CancellationToken cancellationToken)
            where TPage : class
        {
            var followed = new HashSet<string>(StringComparer.Ordinal);
            var start = 0;
            string? next = firstPath;
            while (next != null)
            {
                var response = await sender.GetPageAsync(operation, next, cancellationToken).ConfigureAwait(false);
                var page = WebexRequestSender.Deserialize(response, type);
                var count = countOf(page);
                if (count < 0)
                {
                    throw WebexRequestSender.InvalidResponse(response, "the " + operation + " page has no list", null);
                }

                var items = itemsOf(page);
                foreach (var item in items)
                {
                    stamp(item);
                }

                onPage(items);
                start += count;

                // Webex's own next link first; for an API that pages only by start/max, a full page asks for more.
                next = response.NextLink ?? (pathAt != null && count >= pageSize ? pathAt(start) : null);
                if (next != null && !followed.Add(next))
                {
                    throw WebexRequestSender.InvalidResponse(response, "its next-page link repeats a page already read (" + operation + ")", null);
                }
            }
        }
    }
}
