using System;
using Microsoft.Extensions.Hosting;
using WebexCalls.Simulator;

// A local Webex Calling API for demos and tests: `dotnet run --project src/WebexCalls.Simulator -- --urls http://127.0.0.1:0`.
var app = SimulatorApp.Build(args);
await app.StartAsync();
var address = SimulatorApp.ListeningAddress(app);

// Scripts wait for this exact line and read the address from it.
Console.WriteLine($"WebexCalls simulator listening on {address}/v1 (control API: {address}/_simulator). Press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
