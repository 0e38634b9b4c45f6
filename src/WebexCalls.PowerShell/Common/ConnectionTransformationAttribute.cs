using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Lets -Connection take a connection object, its Id, or a piped object's ConnectionId (also after a job round
    /// trip, within this process), and refuses, clearly, an id whose connection was forgotten.
    /// </summary>
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Returns the kept connection the input names, or the input when it is one already.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject bag && !(bag.BaseObject is WebexCallingConnection)
                && bag.TypeNames.Any(name => name.EndsWith(".WebexCallingConnection", System.StringComparison.Ordinal)))
            {
                // A connection that came back from a job (under this name or the one before 0.2): a property bag that still has its Id.
                return Find(bag.Properties["Id"]?.Value?.ToString() ?? string.Empty);
            }

            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case WebexCallingConnection connection:
                    return connection;
                case string id when id.Length == 0:
                    return null;
                case string id:
                    return Find(id);
                default:
                    return inputData;
            }
        }

        private static WebexCallingConnection Find(string id) =>
            WebexSession.Find(id) ?? throw new ArgumentTransformationMetadataException(
                "No Webex Calling connection with id '" + id + "' is open in this session: it was closed with Disconnect-WebexCalling, or the object came from another process. Read the call again (Get-WebexCall), or pass -Connection.");
    }
}
