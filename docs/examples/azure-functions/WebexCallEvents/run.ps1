# An Azure Functions (PowerShell) HTTP trigger that receives Webex call events. Webex POSTs each event here; this
# checks its signature, answers at once, and hands the event to a queue, where other functions (any number of them)
# do the slow work: a CRM log, a screen pop, a board. That is how a receiver scales past one machine.
#
# Needs: WebexCalls in the app's Modules folder (or in requirements.psd1), and the webhook's secret in the app
# setting WEBEX_WEBHOOK_SECRET (better, a Key Vault reference). The trigger is anonymous: the signature is what
# proves a delivery comes from Webex. Create the webhook once, from anywhere:
#   $hook = New-WebexCallWebhook https://<app>.azurewebsites.net/api/WebexCallEvents -Name 'Call events'
#   Update-AzFunctionAppSetting -Name <app> -ResourceGroupName <rg> -AppSetting @{ WEBEX_WEBHOOK_SECRET = $hook.Secret | ConvertFrom-SecureString -AsPlainText }
using namespace System.Net

param($Request, $TriggerMetadata)

$secret = ConvertTo-SecureString $env:WEBEX_WEBHOOK_SECRET -AsPlainText -Force

# RawBody, not Body: the signature is over the exact bytes Webex sent, and Body is already parsed.
$callEvent = ConvertFrom-WebexCallEvent -Body $Request.RawBody -Headers $Request.Headers -Secret $secret -ErrorAction SilentlyContinue -ErrorVariable problem
if ($problem) {
    $status = if ($problem[0].FullyQualifiedErrorId -like 'WebexEventSignatureInvalid*') { [HttpStatusCode]::Unauthorized } else { [HttpStatusCode]::BadRequest }
    Write-Warning "Refused a delivery ($([int]$status)): $($problem[0].Exception.Message)"
    Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{ StatusCode = $status })
    return
}

# Webex delivers at least once and in no promised order: the queue's consumers dedupe on this key and sort by EventTime.
Push-OutputBinding -Name CallEvents -Value ([ordered]@{
    key       = '{0}|{1}|{2}|{3:o}' -f $callEvent.CallId, $callEvent.RawEvent, $callEvent.EventType, $callEvent.EventTime
    event     = $callEvent.RawEvent
    eventType = $callEvent.EventType
    eventTime = $callEvent.EventTime
    callId    = $callEvent.CallId
    state     = "$($callEvent.State)"
    actorId   = $callEvent.ActorId
    remote    = "$($callEvent.Call.RemoteParty)"
})
Push-OutputBinding -Name Response -Value ([HttpResponseContext]@{ StatusCode = [HttpStatusCode]::OK })
