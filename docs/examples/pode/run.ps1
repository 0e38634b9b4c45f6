# The route of a Pode server (server.ps1) that receives Webex call events: it checks each delivery's signature,
# answers at once, and logs the event. Pode's $WebEvent.Request.Body is the raw body the signature covers.
# Needs: the webhook's secret in the environment variable WEBEX_WEBHOOK_SECRET.
{
    $secret = ConvertTo-SecureString $env:WEBEX_WEBHOOK_SECRET -AsPlainText -Force
    $callEvent = ConvertFrom-WebexCallEvent -Body $WebEvent.Request.Body -Signature (Get-PodeHeader -Name 'X-Spark-Signature') -Secret $secret -ErrorAction SilentlyContinue -ErrorVariable problem
    if ($problem) {
        $code = if ($problem[0].FullyQualifiedErrorId -like 'WebexEventSignatureInvalid*') { 401 } else { 400 }
        Set-PodeResponseStatus -Code $code -NoErrorPage
        return
    }

    # Keep the handler short: Webex waits for the answer. Hand slow work to a Pode timer, schedule or queue.
    '{0:o} {1}/{2} {3} {4} {5}' -f $callEvent.EventTime, $callEvent.RawEvent, $callEvent.EventType, $callEvent.CallId, $callEvent.State, $callEvent.Call.RemoteParty |
        Out-File -FilePath (Join-Path ([IO.Path]::GetTempPath()) 'webex-call-events.log') -Append
    Write-PodeTextResponse -Value 'ok' -StatusCode 200
}
