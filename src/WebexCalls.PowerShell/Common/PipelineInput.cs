using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// What a whole piped object may stand for. PowerShell binds a piped object to a ValueFromPipeline string
    /// parameter by converting it to text, so a CSV row of people (<c>@{PersonId=...; DisplayName=...}</c>) would become
    /// a call id or a destination. The transformations of those parameters ask here first, and refuse everything that is
    /// not plain text: the binder then takes the object by its properties instead, or says it cannot be bound.
    /// </summary>
    internal static class PipelineInput
    {
        /// <summary>
        /// The text of a plain value: a string, or a whole number (an id or a number typed without quotes). False for
        /// any other object, whose ToString() is never an id.
        /// </summary>
        public static bool TryGetText(object? value, out string? text)
        {
            switch (value is PSObject wrapped ? wrapped.BaseObject : value)
            {
                case string typed:
                    text = typed;
                    return true;
                case int _:
                case long _:
                case uint _:
                case ulong _:
                case short _:
                case ushort _:
                case byte _:
                case System.Numerics.BigInteger _:
                    text = Convert.ToString(value is PSObject p ? p.BaseObject : value, CultureInfo.InvariantCulture);
                    return true;
                default:
                    text = null;
                    return false;
            }
        }

        /// <summary>
        /// The refusal a transformation throws for an object that is not <paramref name="what"/>. Its inner
        /// PSInvalidCastException makes the pipeline binder treat it as "this object does not bind here" and try the
        /// object's properties; given on the command line, it is a clear binding error.
        /// </summary>
        public static ArgumentTransformationMetadataException NotA(string what, object? value, string hint)
        {
            var message = Describe(value) + " is not " + what + ". " + hint;
            return new ArgumentTransformationMetadataException(message, new PSInvalidCastException(message));
        }

        /// <summary>A value that stands for one id when it is one, else null: the shape of an id transformation's reader.</summary>
        public delegate bool IdReader(object? value, out string? id);

        /// <summary>
        /// What an id transformation returns: the id <paramref name="read"/> finds in <paramref name="inputData"/>, or
        /// the ids of each item of a collection; anything else (or any item of a collection that is not one) is refused
        /// as not <paramref name="what"/>.
        /// </summary>
        public static object? Ids(object? inputData, IdReader read, string what, string hint)
        {
            if (inputData is null)
            {
                return null;
            }

            if (read(inputData, out var id))
            {
                return id;
            }

            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is System.Collections.IEnumerable items && !(items is System.Collections.IDictionary))
            {
                var ids = new System.Collections.Generic.List<string>();
                foreach (var item in items)
                {
                    ids.Add(read(item, out var itemId) ? itemId! : throw NotA(what, item, hint));
                }

                return ids.ToArray();
            }

            throw NotA(what, inputData, hint);
        }

        /// <summary>Names an object by its type and first properties, for messages ("a PSCustomObject with PersonId, DisplayName").</summary>
        public static string Describe(object? value)
        {
            if (value is null)
            {
                return "Nothing";
            }

            var psObject = value as PSObject ?? PSObject.AsPSObject(value);
            var type = psObject.BaseObject is PSCustomObject ? "PSCustomObject" : psObject.BaseObject.GetType().Name;
            var names = psObject.Properties.Select(property => property.Name).Take(4).ToList();
            return "A " + type + (names.Count == 0 ? string.Empty : " with " + string.Join(", ", names) + (psObject.Properties.Count() > 4 ? ", ..." : string.Empty));
        }
    }
}
