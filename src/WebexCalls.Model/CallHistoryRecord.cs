using System;

namespace WebexCalls
{
    /// <summary>One entry of the user's call history (the spec's CallHistoryRecord).</summary>
    public sealed class CallHistoryRecord
    {
        /// <summary>Placed, Missed or Received.</summary>
        public CallHistoryType Type { get; internal set; }

        /// <summary>The type exactly as the server sent it.</summary>
        public string? RawType { get; internal set; }

        /// <summary>The other party's name; absent when unknown or private.</summary>
        public string? Name { get; internal set; }

        /// <summary>The other party's number: digits or a URI; absent when unknown or private.</summary>
        public string? Number { get; internal set; }

        /// <summary>True when the other party's name and number are private.</summary>
        public bool PrivacyEnabled { get; internal set; }

        /// <summary>When the call was placed (Placed), disconnected (Missed) or answered (Received).</summary>
        public DateTimeOffset? Time { get; internal set; }

        /// <summary>The member whose history this is, when it was read in admin mode.</summary>
        public string? MemberId { get; internal set; }

        /// <summary>The member's organisation, when one was given in admin mode.</summary>
        public string? OrgId { get; internal set; }

        /// <summary>The connection this was read through (see WebexHttpConnection.Id); cmdlets given it act through the same one.</summary>
        public string? ConnectionId { get; internal set; }

        /// <summary>Reads like <c>Missed: Jane Doe &lt;+14085550100&gt;</c>.</summary>
        public override string ToString()
        {
            var party = !string.IsNullOrEmpty(Name) && !string.IsNullOrEmpty(Number) ? Name + " <" + Number + ">"
                : Name ?? Number ?? (PrivacyEnabled ? "(private)" : "(unknown)");
            return (Type == CallHistoryType.Unknown && RawType != null ? RawType : Type.ToString()) + ": " + party;
        }
    }
}
