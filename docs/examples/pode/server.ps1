# A Pode server that receives Webex call events on http://+:8080/webex (put HTTPS in front: a reverse proxy, or
# Add-PodeEndpoint -Protocol Https with a certificate). Then, once:
#   New-WebexCallWebhook https://calls.example.com/webex -Secret (ConvertTo-SecureString $env:WEBEX_WEBHOOK_SECRET -AsPlainText -Force)
Import-Module Pode, WebexCalls

Start-PodeServer -Threads 4 {
    Add-PodeEndpoint -Address * -Port 8080 -Protocol Http
    Add-PodeRoute -Method Post -Path '/webex' -FilePath (Join-Path $PSScriptRoot 'run.ps1')
}
