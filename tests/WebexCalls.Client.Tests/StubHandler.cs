using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace WebexCalls.Client.Tests;

/// <summary>Stands in for the network: records each request (headers and body) and answers with a canned response.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> _respond;

    public StubHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public List<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    public static StubHandler Answer(HttpStatusCode status, string? body = null, string contentType = "application/json", Action<HttpResponseMessage>? configure = null) =>
        new((_, _) =>
        {
            var response = new HttpResponseMessage(status);
            if (body != null)
            {
                response.Content = new StringContent(body, Encoding.UTF8);
                response.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            }

            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            // Concurrent requests (a fan-out, a renewal race) add here from many threads.
            Requests.Add((request, body));
        }

        return await _respond(request, cancellationToken);
    }
}
