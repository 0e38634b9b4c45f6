using WebexCalls.Client;
using WebexCalls.Commands;
using Xunit;

namespace WebexCalls.PowerShell.Tests;

/// <summary>
/// The fan-out engine, without PowerShell: a recording writer stands for the cmdlet. What matters is what a user
/// sees: results written on the pipeline thread, typed, as they complete; never more than the throttle limit in
/// flight; progress on change, with a real total or a count; one termination for a refused token, after the work in
/// flight; Ctrl+C ending the wait. Nothing here is timed: work is driven by TaskCompletionSources.
/// </summary>
public class FanOutEngineTests
{
    [Fact]
    public void Results_are_written_on_the_calling_thread_typed_and_in_the_order_work_completes()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var first = new TaskCompletionSource<string>();
        var second = new TaskCompletionSource<string>();
        var written = new List<(string Result, int Thread)>();

        engine.Start(4, "a", () => first.Task, result => written.Add((result, Environment.CurrentManagedThreadId)));
        engine.Start(4, "b", () => second.Task, result => written.Add((result, Environment.CurrentManagedThreadId)));
        Task.Run(() => { second.SetResult("b done"); first.SetResult("a done"); });
        engine.WaitForAll();

        Assert.Equal(new[] { "b done", "a done" }, written.Select(w => w.Result));
        Assert.All(written, w => Assert.Equal(Environment.CurrentManagedThreadId, w.Thread));
    }

    [Fact]
    public void Never_more_than_the_throttle_limit_run_at_once()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var running = 0;
        var most = 0;
        var written = 0;
        for (var i = 0; i < 12; i++)
        {
            engine.Start(3, i, async () =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Yield();
                await Task.Delay(1);
                Interlocked.Decrement(ref running);
                return i;
            }, _ => written++);
        }

        engine.WaitForAll();
        Assert.Equal(12, written);
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public void Progress_is_written_on_change_at_most_twice_per_item_and_says_n_of_N_when_the_total_is_known()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        engine.ExpectItems(10);
        for (var i = 0; i < 10; i++)
        {
            engine.Start(4, i, () => Task.FromResult(i), _ => { });
        }

        engine.WaitForAll();
        var bar = writer.Progress.Where(p => p.ActivityId == FanOutEngine.FanOutActivityId).ToList();
        Assert.InRange(bar.Count, 1, 2 * 10 + 1);
        Assert.True(bar[^1].Completed);
        Assert.Equal("Test-Engine", bar[^1].Activity);
        Assert.All(bar, p => Assert.Matches(@"^\d+ of 10 done$", p.Status));
        Assert.All(bar, p => Assert.InRange(p.PercentComplete, 0, 100));
    }

    [Fact]
    public void Without_a_known_total_progress_counts_and_shows_no_percentage()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        for (var i = 0; i < 5; i++)
        {
            engine.Start(2, i, () => Task.FromResult(i), _ => { });
        }

        engine.WaitForAll();
        var bar = writer.Progress.Where(p => p.ActivityId == FanOutEngine.FanOutActivityId).ToList();
        Assert.NotEmpty(bar);
        Assert.All(bar, p => Assert.Matches(@"^\d+ done, \d+ running$", p.Status));
        Assert.All(bar, p => Assert.Equal(-1, p.PercentComplete));
    }

    [Fact]
    public void A_refused_token_ends_the_command_once_after_the_work_in_flight_is_written()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var inFlight = new TaskCompletionSource<string>();
        var written = new List<string>();

        engine.Start(3, "member-1", () => inFlight.Task, written.Add);
        engine.Start(3, "member-2", () => Task.FromException<string>(Unauthorized()), written.Add);
        Task.Run(async () => { await Task.Delay(10); inFlight.SetResult("the call member-1 placed"); });

        // The next item meets the refusal: the work in flight is finished and written first, then one termination,
        // and nothing more is started.
        var ended = Assert.Throws<TerminatedException>(() => engine.Start(3, "member-3", () => Task.FromResult("never"), written.Add));

        Assert.Equal(new[] { "the call member-1 placed" }, written);
        Assert.Equal("member-2", ended.Target);
        Assert.Single(writer.Terminations);
        Assert.Empty(writer.Failures);
        Assert.Equal(2, engine.Started);
    }

    [Fact]
    public void A_failure_goes_to_the_writer_with_its_target_and_the_other_items_go_on()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var written = new List<int>();
        engine.Start(2, "bad", () => Task.FromException<int>(new WebexApiException(WebexErrorKind.NotFound, "GET", "/x", 404, "gone", null, "T")), written.Add);
        engine.Start<int>(2, "argument", () => throw new ArgumentException("no"), written.Add);
        engine.Start(2, "good", () => Task.FromResult(7), written.Add);
        engine.WaitForAll();

        Assert.Equal(new[] { 7 }, written);
        Assert.Equal(new[] { "argument", "bad" }, writer.Failures.Select(f => (string)f.Target).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Contains(writer.Failures, f => f.Error is WebexApiException { Kind: WebexErrorKind.NotFound });
        Assert.Contains(writer.Failures, f => f.Error is ArgumentException);
    }

    [Fact]
    public void Cancel_from_another_thread_ends_the_wait_through_Stopped()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var never = new TaskCompletionSource<int>();
        engine.Start(2, "x", async () => await never.Task.WaitAsync(engine.CancellationToken), _ => { });
        Task.Run(async () => { await Task.Delay(10); engine.Cancel(); });

        Assert.Throws<OperationCanceledException>(() => engine.WaitForAll());
        Assert.True(writer.Stops >= 1);
    }

    [Fact]
    public void Request_log_lines_from_other_threads_are_written_in_order_while_a_task_is_awaited()
    {
        var writer = new RecordingWriter();
        using var engine = new FanOutEngine(writer, () => "Test-Engine");
        var task = Task.Run(async () =>
        {
            await Task.Delay(5);
            engine.Observer.RequestSending("GET", "/telephony/calls", null);
            engine.Observer.ResponseReceived("GET", "/telephony/calls", 200, TimeSpan.FromMilliseconds(3), "T", null);
        });

        engine.Await(task);

        Assert.Equal("GET /telephony/calls", Assert.Single(writer.Debug));
        Assert.StartsWith("GET /telephony/calls -> 200 in 3 ms", Assert.Single(writer.Verbose));
    }

    [Fact]
    public void Work_that_ends_after_the_engine_is_disposed_is_harmless()
    {
        var writer = new RecordingWriter();
        var engine = new FanOutEngine(writer, () => "Test-Engine");
        var late = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.Start(2, "late", () => late.Task, _ => { });
        engine.Dispose();

        late.SetResult(1);   // its completion releases a slot and wakes nobody; nothing throws
        Assert.Empty(writer.Failures);
    }

    private static WebexApiException Unauthorized() =>
        new(WebexErrorKind.Unauthorized, "GET", "/telephony/calls/members/m1/calls", 401, "The request requires a valid access token", null, "T401");

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private sealed class TerminatedException : Exception
    {
        public TerminatedException(object? target) => Target = target;

        public object? Target { get; }
    }

    /// <summary>Stands for the cmdlet: records what the engine writes; ends as a cmdlet would, by throwing.</summary>
    private sealed class RecordingWriter : IFanOutWriter
    {
        public List<string> Verbose { get; } = new();
        public List<string> Debug { get; } = new();
        public List<FanOutProgress> Progress { get; } = new();
        public List<(Exception Error, object Target)> Failures { get; } = new();
        public List<WebexApiException> Terminations { get; } = new();
        public int Stops { get; private set; }

        void IFanOutWriter.Verbose(string text) => Verbose.Add(text);
        void IFanOutWriter.Debug(string text) => Debug.Add(text);
        void IFanOutWriter.Progress(FanOutProgress progress) => Progress.Add(progress);
        void IFanOutWriter.Failed(Exception error, object target) => Failures.Add((error, target));

        void IFanOutWriter.Terminate(WebexApiException error, object? target)
        {
            Terminations.Add(error);
            throw new TerminatedException(target);
        }

        void IFanOutWriter.Stopped()
        {
            Stops++;
            throw new OperationCanceledException();
        }
    }
}
