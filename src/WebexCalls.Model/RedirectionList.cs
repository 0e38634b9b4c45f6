using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace WebexCalls
{
    /// <summary>
    /// A call's redirections, most recent first. Reads as <c>noAnswer by Front Desk &lt;1234&gt;; busy by ...</c>, so a CSV
    /// export or a string shows what happened rather than a type name.
    /// </summary>
    public sealed class RedirectionList : ReadOnlyCollection<Redirection>
    {
        /// <summary>An empty list.</summary>
        public static readonly RedirectionList Empty = new RedirectionList(new List<Redirection>());

        /// <summary>Wraps <paramref name="redirections"/>.</summary>
        public RedirectionList(IList<Redirection> redirections)
            : base(redirections)
        {
        }

        /// <summary>Each redirection, most recent first, separated by "; ".</summary>
        public override string ToString() => string.Join("; ", this.Select(r => r.ToString()).ToArray());
    }
}
