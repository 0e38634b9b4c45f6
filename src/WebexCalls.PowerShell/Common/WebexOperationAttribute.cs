using System;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Names the Call Controls operations (rows of the client's CallOperations table, by Webex's name) a cmdlet
    /// performs. docs/operations.md is rendered from the table and these attributes, and a test checks that every
    /// operation has a cmdlet and every name is in the table.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class WebexOperationAttribute : Attribute
    {
        /// <summary>The operations, by Webex's name (<c>hold</c>, <c>transmitDtmf</c>, <c>calls</c>).</summary>
        public WebexOperationAttribute(params string[] operations)
        {
            Operations = operations;
        }

        /// <summary>The operations, by Webex's name.</summary>
        public string[] Operations { get; }
    }
}
