using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Lets a webhook object stand wherever a webhook id does, and nothing else: text, a WebexWebhook (live, or
    /// Deserialized from a job), or any object with a WebhookId property, and arrays of these. Any other object is
    /// refused: a CallSession piped to Remove-WebexCallWebhook must not send its call id as a webhook id.
    /// </summary>
    public sealed class WebhookIdTransformationAttribute : ArgumentTransformationAttribute
    {
        private const string WebhookTypeName = "WebexCalls.WebexWebhook";
        private const string Hint = "Give a webhook id, or pipe the webhooks Get-WebexCallWebhook writes.";

        /// <summary>Returns the id of a webhook, the ids of a collection of them; refuses other objects.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            PipelineInput.Ids(inputData, TryGetId, "a webhook", Hint);

        private static bool TryGetId(object? value, out string? id)
        {
            id = null;
            if (PipelineInput.TryGetText(value, out var text))
            {
                id = text;
                return true;
            }

            var bag = value is null ? null : PSObject.AsPSObject(value);
            if (bag?.BaseObject is WebexWebhook webhook)
            {
                id = webhook.Id;
                return true;
            }

            if (bag != null && bag.TypeNames.Any(name => name.EndsWith(WebhookTypeName, StringComparison.Ordinal)))
            {
                id = bag.Properties["Id"]?.Value?.ToString();
                return id != null;
            }

            if (bag?.Properties["WebhookId"]?.Value is object named && PipelineInput.TryGetText(named, out var namedText))
            {
                id = namedText;
                return true;
            }

            return false;
        }
    }
}
