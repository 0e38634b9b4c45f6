using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Lets a call object stand wherever a call id does: a CallSession (live, or Deserialized from a job or remote
    /// session), or an array of them, becomes its CallId. Without it, PowerShell would turn the object into its
    /// ToString() text ("Connected: Jane Doe &lt;...&gt;") and send that as the id. A short handle that a table showed
    /// (callhalf-488) becomes its call's id too.
    /// </summary>
    public sealed class CallIdTransformationAttribute : ArgumentTransformationAttribute
    {
        private const string CallSessionTypeName = "WebexCalls.CallSession";

        /// <summary>Returns the call id of a call object, the ids of a collection of them, or the input unchanged.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null)
            {
                return null;
            }

            if ((inputData is PSObject text ? text.BaseObject : inputData) is string typed)
            {
                // A handle from a table the user saw (callhalf-488) stands for its call.
                return KnownCalls.Resolve(typed);
            }

            if (TryGetCallId(inputData, out var id))
            {
                return id;
            }

            var items = (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) as IEnumerable;
            if (items is null || items is IDictionary)
            {
                return inputData;
            }

            var ids = new List<object?>();
            foreach (var item in items)
            {
                ids.Add(TryGetCallId(item, out var itemId) ? itemId
                    : (item is PSObject wrappedItem ? wrappedItem.BaseObject : item) is string typedItem ? KnownCalls.Resolve(typedItem) : item);
            }

            return ids.All(x => x is string) ? ids.Cast<string>().ToArray() : (object)ids.ToArray();
        }

        private static bool TryGetCallId(object? value, out string? id)
        {
            id = null;
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
                case PSObject psObject when psObject.TypeNames.Any(name => name.EndsWith(CallSessionTypeName, System.StringComparison.Ordinal)):
                    // A deserialized CallSession is a property bag that keeps the type name with a Deserialized. prefix.
                    id = (psObject.Properties["CallId"]?.Value ?? psObject.Properties["Id"]?.Value)?.ToString();
                    return id != null;
                default:
                    return false;
            }
        }
    }
}
