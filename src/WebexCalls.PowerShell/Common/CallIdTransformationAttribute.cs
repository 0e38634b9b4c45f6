using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Lets a call object stand wherever a call id does, and nothing else: text (an id, or a short handle a table
    /// showed, such as callhalf-488), a whole number, a CallSession (live, or Deserialized from a job or remote
    /// session), or any object with a CallId property (a CallChange, a parked call, a CSV row of calls), and arrays of
    /// these. Any other object is refused, so PowerShell never sends its ToString() text as an id: a CSV row of people
    /// piped to Get-WebexCall binds its PersonId to -MemberId and nothing to -CallId.
    /// </summary>
    public sealed class CallIdTransformationAttribute : ArgumentTransformationAttribute
    {
        private const string CallSessionTypeName = "WebexCalls.CallSession";
        private const string Hint = "Give a call id, or pipe CallSession objects or objects with a CallId property.";

        /// <summary>Returns the call id of a call object, the ids of a collection of them; refuses other objects.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
            PipelineInput.Ids(inputData, TryGetCallId, "a call", Hint);

        private static bool TryGetCallId(object? value, out string? id)
        {
            id = null;
            if (PipelineInput.TryGetText(value, out var text))
            {
                // A handle from a table the user saw (callhalf-488) stands for its call.
                id = KnownCalls.Resolve(text!);
                return true;
            }

            switch (value)
            {
                case CallSession call:
                    KnownCalls.Remember(call);
                    id = call.CallId;
                    return true;
                case PSObject psObject when psObject.BaseObject is CallSession call:
                    KnownCalls.Remember(call);
                    id = call.CallId;
                    return true;
                case PSObject psObject when psObject.TypeNames.Any(name => name.EndsWith(CallSessionTypeName, StringComparison.Ordinal)):
                    // A deserialized CallSession is a property bag that keeps the type name with a Deserialized. prefix.
                    id = (psObject.Properties["CallId"]?.Value ?? psObject.Properties["Id"]?.Value)?.ToString();
                    return id != null;
                case PSObject psObject when psObject.Properties["CallId"]?.Value is object callId && PipelineInput.TryGetText(callId, out var named):
                    // A CallChange, a parked call, a CSV row of calls: their CallId names the call.
                    id = KnownCalls.Resolve(named!);
                    return true;
                default:
                    return value != null && !(value is PSObject) && TryGetCallId(PSObject.AsPSObject(value), out id);
            }
        }
    }
}
