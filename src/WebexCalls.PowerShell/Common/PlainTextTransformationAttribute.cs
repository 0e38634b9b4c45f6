using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// For a string parameter that takes whole piped objects (a destination): lets through text and numbers, and
    /// refuses any other object rather than letting PowerShell send its ToString(). A row piped with a Destination or
    /// Number property still binds by that property; a row of people binds only its member id.
    /// </summary>
    public sealed class PlainTextTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The text of a string or number (or of each in an array); anything else is refused.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is null || PipelineInput.TryGetText(inputData, out _))
            {
                return inputData is null ? null : Text(inputData);
            }

            if ((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is IEnumerable items && !(items is IDictionary))
            {
                var texts = new List<string>();
                foreach (var item in items)
                {
                    texts.Add(Text(item));
                }

                return texts.ToArray();
            }

            throw PipelineInput.NotA("a destination", inputData, "Give a number or URI, or pipe objects with a Destination or Number property.");
        }

        private static string Text(object? item) =>
            PipelineInput.TryGetText(item, out var text) ? text!
                : throw PipelineInput.NotA("a destination", item, "Give a number or URI, or pipe objects with a Destination or Number property.");
    }
}
