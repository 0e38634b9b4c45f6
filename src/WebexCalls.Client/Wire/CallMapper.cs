using System;
using System.Collections.Generic;
using System.Globalization;

namespace WebexCalls.Client.Wire
{
    /// <summary>Turns wire shapes into the public object model, tolerating what the spec does not promise.</summary>
    internal static class CallMapper
    {
        public static CallSession ToCallSession(CallWire wire, DateTimeOffset retrievedAt, CallScope? scope = null)
        {
            var party = ToParty(wire.RemoteParty);
            var rawCallType = wire.CallType ?? wire.RemoteParty?.CallType;
            var answered = ParseTime(wire.Answered ?? wire.AnswerTime);
            var state = ParseEnum(wire.State, CallState.Unknown);

            var call = new CallSession
            {
                Id = wire.Id ?? wire.CallId ?? string.Empty,
                CallSessionId = wire.CallSessionId,
                RawState = wire.State,
                State = state,
                RawPersonality = wire.Personality,
                Personality = ParsePersonality(wire.Personality),
                RawCallType = rawCallType,
                CallType = ParseEnum(rawCallType, CallType.Unknown),
                Appearance = wire.Appearance is double a ? (int)Math.Round(a) : (int?)null,
                RemoteParty = party,
                StartTime = ParseTime(wire.Created ?? wire.StartTime),
                AnswerTime = answered,
                Muted = wire.Muted,
                MuteCapable = wire.MuteCapable,
                RawRecordingState = wire.RecordingState,
                RecordingState = wire.RecordingState is null ? (RecordingState?)null : ParseEnum(wire.RecordingState, WebexCalls.RecordingState.Unknown),
                Redirections = ToRedirections(wire.Redirections),
                Recall = wire.Recall is null ? null : new Recall
                {
                    RawType = wire.Recall.Type,
                    Type = ParseEnum(wire.Recall.Type, RecallType.Unknown),
                    Party = ToParty(wire.Recall.Party),
                },
                LineOwnerId = scope?.LineOwnerId,
                MemberId = scope?.MemberId,
                OrgId = scope?.OrgId,
                RetrievedAt = retrievedAt,
            };
            call.Duration = ComputeDuration(wire.Duration, answered, retrievedAt);
            return call;
        }

        public static CallHistoryRecord ToHistoryRecord(CallHistoryWire wire, CallScope? scope = null, string? connectionId = null) =>
            new CallHistoryRecord
            {
                RawType = wire.Type,
                Type = ParseEnum(wire.Type, CallHistoryType.Unknown),
                Name = wire.Name,
                Number = wire.Number,
                PrivacyEnabled = wire.PrivacyEnabled ?? false,
                Time = ParseTime(wire.Time),
                MemberId = scope?.MemberId,
                OrgId = scope?.OrgId,
                ConnectionId = connectionId,
            };

        internal static int? ComputeDuration(double? serverDuration, DateTimeOffset? answered, DateTimeOffset retrievedAt)
        {
            if (serverDuration is double d)
            {
                return (int)Math.Floor(d);
            }

            if (answered is DateTimeOffset start)
            {
                // A server clock a little ahead of ours must not give a negative duration.
                return Math.Max(0, (int)Math.Floor((retrievedAt - start).TotalSeconds));
            }

            return null;
        }

        private static RedirectionList ToRedirections(List<RedirectionWire?>? wire)
        {
            if (wire is null || wire.Count == 0)
            {
                return RedirectionList.Empty;
            }

            var list = new List<Redirection>(wire.Count);
            foreach (var item in wire)
            {
                if (item is null)
                {
                    continue;
                }

                list.Add(new Redirection
                {
                    RawReason = item.Reason,
                    Reason = ParseRedirectionReason(item.Reason),
                    RedirectingParty = ToParty(item.RedirectingParty),
                });
            }

            return new RedirectionList(list);
        }

        internal static RemoteParty? ToParty(PartyWire? wire)
        {
            if (wire is null)
            {
                return null;
            }

            return new RemoteParty
            {
                Name = wire.Name,
                Number = wire.Number,
                PersonId = wire.PersonId,
                PlaceId = wire.PlaceId,
                SipAddress = wire.SipAddress ?? SipAddressFromNumber(wire.Number),
                PrivacyEnabled = wire.PrivacyEnabled ?? false,
                RawCallType = wire.CallType,
                CallType = ParseEnum(wire.CallType, CallType.Unknown),
            };
        }

        private static string? SipAddressFromNumber(string? number)
        {
            if (string.IsNullOrEmpty(number))
            {
                return null;
            }

            if (number!.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || number.IndexOf('@') > 0)
            {
                return number;
            }

            return null;
        }

        private static CallPersonality ParsePersonality(string? raw)
        {
            // The seed schema's spelling of the spec's clickToDial.
            if (string.Equals(raw, "clickToDialOriginator", StringComparison.OrdinalIgnoreCase))
            {
                return CallPersonality.ClickToDial;
            }

            return ParseEnum(raw, CallPersonality.Unknown);
        }

        private static RedirectionReason ParseRedirectionReason(string? raw)
        {
            // The spec's own "unknown" reason is a real value, distinct from a value this version does not know.
            if (string.Equals(raw, "unknown", StringComparison.OrdinalIgnoreCase))
            {
                return RedirectionReason.UnknownReason;
            }

            return ParseEnum(raw, RedirectionReason.Unknown);
        }

        internal static T ParseEnum<T>(string? raw, T unknown)
            where T : struct
        {
            if (string.IsNullOrEmpty(raw) || !char.IsLetter(raw![0]))
            {
                return unknown;
            }

            // Enum.TryParse alone would accept numbers, "Unknown" and comma-joined names; the guard above and these
            // checks keep only single names that the spec defines.
            return raw.IndexOf(',') < 0 && Enum.TryParse(raw, ignoreCase: true, out T value)
                && Enum.IsDefined(typeof(T), value) && !value.Equals(unknown)
                ? value
                : unknown;
        }

        internal static DateTimeOffset? ParseTime(string? raw)
        {
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : (DateTimeOffset?)null;
        }
    }
}
