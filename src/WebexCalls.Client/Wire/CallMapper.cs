using System;
using System.Collections.Generic;

namespace WebexCalls.Client.Wire
{
    /// <summary>
    /// Turns wire shapes into the public object model, tolerating what the spec does not promise; raw strings are read by
    /// the model's own <see cref="WebexValues"/>, as the deserialization converter reads them.
    /// </summary>
    internal static class CallMapper
    {
        public static CallSession ToCallSession(CallWire wire, DateTimeOffset retrievedAt, CallScope? scope = null)
        {
            var party = ToParty(wire.RemoteParty);
            var rawCallType = wire.CallType ?? wire.RemoteParty?.CallType;
            var answered = WebexValues.Time(wire.Answered ?? wire.AnswerTime);
            var state = WebexValues.State(wire.State);

            var call = new CallSession
            {
                Id = wire.Id ?? wire.CallId ?? string.Empty,
                CallSessionId = wire.CallSessionId,
                RawState = wire.State,
                State = state,
                RawPersonality = wire.Personality,
                Personality = WebexValues.Personality(wire.Personality),
                RawCallType = rawCallType,
                CallType = WebexValues.CallType(rawCallType),
                Appearance = wire.Appearance is double a ? (int)Math.Round(a) : (int?)null,
                RemoteParty = party,
                StartTime = WebexValues.Time(wire.Created ?? wire.StartTime),
                AnswerTime = answered,
                Muted = wire.Muted,
                MuteCapable = wire.MuteCapable,
                RawRecordingState = wire.RecordingState,
                RecordingState = WebexValues.RecordingState(wire.RecordingState),
                Redirections = ToRedirections(wire.Redirections),
                Recall = wire.Recall is null ? null : new Recall
                {
                    RawType = wire.Recall.Type,
                    Type = WebexValues.RecallType(wire.Recall.Type),
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
                Type = WebexValues.HistoryType(wire.Type),
                Name = wire.Name,
                Number = wire.Number,
                PrivacyEnabled = wire.PrivacyEnabled ?? false,
                Time = WebexValues.Time(wire.Time),
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
                    Reason = WebexValues.RedirectionReason(item.Reason),
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
                CallType = WebexValues.CallType(wire.CallType),
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

    }
}
