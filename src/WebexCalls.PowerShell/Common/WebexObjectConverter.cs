using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace WebexCalls.Commands
{
    /// <summary>
    /// Brings a CallSession, ParkedCall, CallHistoryRecord, CallChange, WebexConference, CallingMember, WebexCallEvent or WebexWebhook back to life when it returns from a job, a remote session
    /// or Import-Clixml (types.ps1xml names this converter, and the Deserialized. types' TargetTypeForDeserialization):
    /// without it, enum properties come back as numbers, so <c>Where-Object State -eq Held</c> finds nothing. The raw
    /// strings each object keeps are read again, by the same <see cref="WebexValues"/> the client reads the wire with,
    /// so nothing depends on the numbers.
    /// </summary>
    public sealed class WebexObjectConverter : PSTypeConverter
    {
        private static readonly Type[] Targets = { typeof(CallSession), typeof(ParkedCall), typeof(CallHistoryRecord), typeof(CallChange), typeof(WebexConference), typeof(CallingMember), typeof(WebexCallEvent), typeof(WebexWebhook) };

        /// <inheritdoc />
        public override bool CanConvertFrom(object sourceValue, Type destinationType) =>
            sourceValue is PSObject bag && Array.IndexOf(Targets, destinationType) >= 0
            && bag.TypeNames.Any(name => name == "Deserialized." + destinationType.FullName);

        /// <inheritdoc />
        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
        {
            var bag = (PSObject)sourceValue;
            if (destinationType == typeof(CallSession))
            {
                return ToCall(bag);
            }

            if (destinationType == typeof(ParkedCall))
            {
                return new ParkedCall(Text(bag, "CallId") ?? string.Empty, ToParty(Value(bag, "ParkedAgainst") as PSObject),
                    CallScope.User)
                {
                    LineOwnerIdValue = Text(bag, "LineOwnerId"),
                    MemberIdValue = Text(bag, "MemberId"),
                    OrgIdValue = Text(bag, "OrgId"),
                    ConnectionId = Text(bag, "ConnectionId"),
                };
            }

            if (destinationType == typeof(CallChange))
            {
                return new CallChange
                {
                    Change = EnumValue<CallChangeKind>(bag, "Change"),
                    // The nested call may already be live: its own Deserialized. type was rebuilt on the way in.
                    Call = Value(bag, "Call") switch
                    {
                        CallSession live => live,
                        PSObject call => ToCall(call),
                        _ => new CallSession { Id = Text(bag, "CallId") ?? string.Empty },
                    },
                    PreviousState = Value(bag, "PreviousState") is { } previous && Enum.TryParse<CallState>(previous.ToString(), true, out var before) ? before : (CallState?)null,
                    State = EnumValue<CallState>(bag, "State"),
                    Changed = Text(bag, "Changed") ?? string.Empty,
                    SeenAt = Time(Value(bag, "SeenAt")) ?? DateTimeOffset.MinValue,
                };
            }

            if (destinationType == typeof(WebexConference))
            {
                return ToConference(bag);
            }

            if (destinationType == typeof(CallingMember))
            {
                return new CallingMember
                {
                    MemberId = Text(bag, "MemberId") ?? string.Empty,
                    Type = EnumValue<CallingMemberType>(bag, "Type"),
                    DisplayName = Text(bag, "DisplayName"),
                    Email = Text(bag, "Email"),
                    PhoneNumber = Text(bag, "PhoneNumber"),
                    Extension = Text(bag, "Extension"),
                    LocationId = Text(bag, "LocationId"),
                    OrgId = Text(bag, "OrgId"),
                    HasCalling = Value(bag, "HasCalling") is bool calling && calling,
                    ConnectionId = Text(bag, "ConnectionId"),
                };
            }

            if (destinationType == typeof(WebexCallEvent))
            {
                var rawEvent = Text(bag, "RawEvent");
                var rawResource = Text(bag, "RawResource");
                return new WebexCallEvent
                {
                    Event = WebexValues.EventKind(rawEvent),
                    RawEvent = rawEvent,
                    EventType = Text(bag, "EventType"),
                    EventTime = Time(Value(bag, "EventTime")),
                    WebhookId = Text(bag, "WebhookId"),
                    WebhookName = Text(bag, "WebhookName"),
                    Resource = WebexValues.WebhookResource(rawResource),
                    RawResource = rawResource,
                    ActorId = Text(bag, "ActorId"),
                    OrgId = Text(bag, "OrgId"),
                    CompletedElsewhere = Value(bag, "CompletedElsewhere") is bool elsewhere && elsewhere,
                    Call = Value(bag, "Call") switch { CallSession live => live, PSObject call => ToCall(call), _ => null },
                    ReceivedAt = Time(Value(bag, "ReceivedAt")) ?? DateTimeOffset.UtcNow,
                };
            }

            if (destinationType == typeof(WebexWebhook))
            {
                // The secret is never serialized (types.ps1xml), so the copy has none.
                var rawResource = Text(bag, "RawResource");
                var rawEvent = Text(bag, "RawEvent");
                var rawStatus = Text(bag, "RawStatus");
                return new WebexWebhook
                {
                    Id = Text(bag, "Id") ?? string.Empty,
                    Name = Text(bag, "Name"),
                    TargetUrl = Text(bag, "TargetUrl"),
                    Resource = WebexValues.WebhookResource(rawResource),
                    RawResource = rawResource,
                    Event = WebexValues.WebhookEvent(rawEvent),
                    RawEvent = rawEvent,
                    Filter = Text(bag, "Filter"),
                    Status = WebexValues.WebhookStatus(rawStatus),
                    RawStatus = rawStatus,
                    Created = Time(Value(bag, "Created")),
                    OwnedBy = Text(bag, "OwnedBy"),
                    HasSecret = Value(bag, "HasSecret") is bool hasSecret && hasSecret,
                    ConnectionId = Text(bag, "ConnectionId"),
                };
            }

            var rawType = Text(bag, "RawType");
            return new CallHistoryRecord
            {
                RawType = rawType,
                Type = WebexValues.HistoryType(rawType),
                Name = Text(bag, "Name"),
                Number = Text(bag, "Number"),
                PrivacyEnabled = Value(bag, "PrivacyEnabled") is bool privacy && privacy,
                Time = Time(Value(bag, "Time")),
                MemberId = Text(bag, "MemberId"),
                OrgId = Text(bag, "OrgId"),
                ConnectionId = Text(bag, "ConnectionId"),
            };
        }

        /// <inheritdoc />
        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        /// <inheritdoc />
        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new InvalidCastException("WebexCalls objects convert only from their deserialized form.");

        private static CallSession ToCall(PSObject bag)
        {
            var rawState = Text(bag, "RawState");
            var rawPersonality = Text(bag, "RawPersonality");
            var rawCallType = Text(bag, "RawCallType");
            var rawRecording = Text(bag, "RawRecordingState");
            var call = new CallSession
            {
                Id = Text(bag, "Id") ?? Text(bag, "CallId") ?? string.Empty,
                CallSessionId = Text(bag, "CallSessionId"),
                RawState = rawState,
                State = rawState is null ? EnumValue<CallState>(bag, "State") : WebexValues.State(rawState),
                RawPersonality = rawPersonality,
                Personality = rawPersonality is null ? EnumValue<CallPersonality>(bag, "Personality") : WebexValues.Personality(rawPersonality),
                RawCallType = rawCallType,
                CallType = WebexValues.CallType(rawCallType),
                Appearance = Value(bag, "Appearance") as int?,
                RemoteParty = ToParty(Value(bag, "RemoteParty") as PSObject),
                StartTime = Time(Value(bag, "StartTime")),
                AnswerTime = Time(Value(bag, "AnswerTime")),
                Duration = Value(bag, "Duration") as int?,
                Muted = Value(bag, "Muted") as bool?,
                MuteCapable = Value(bag, "MuteCapable") as bool?,
                RawRecordingState = rawRecording,
                RecordingState = WebexValues.RecordingState(rawRecording),
                Redirections = ToRedirections(Value(bag, "Redirections")),
                Recall = Value(bag, "Recall") is PSObject recall ? new Recall
                {
                    RawType = Text(recall, "RawType"),
                    Type = WebexValues.RecallType(Text(recall, "RawType")),
                    Party = ToParty(Value(recall, "Party") as PSObject),
                } : null,
                LineOwnerId = Text(bag, "LineOwnerId"),
                MemberId = Text(bag, "MemberId"),
                OrgId = Text(bag, "OrgId"),
                ConnectionId = Text(bag, "ConnectionId"),
                RetrievedAt = Time(Value(bag, "RetrievedAt")) ?? DateTimeOffset.UtcNow,
            };
            return call;
        }

        private static WebexConference ToConference(PSObject bag)
        {
            var rawState = Text(bag, "RawState");
            var rawType = Text(bag, "RawType");
            var participants = new List<ConferenceParticipant>();
            if (Value(bag, "Participants") is IEnumerable items && !(items is string))
            {
                foreach (var item in items)
                {
                    if (item is PSObject participant)
                    {
                        participants.Add(new ConferenceParticipant
                        {
                            CallId = Text(participant, "CallId") ?? string.Empty,
                            Muted = Value(participant, "Muted") is bool muted && muted,
                            Deafened = Value(participant, "Deafened") is bool deafened && deafened,
                            RemoteParty = ToParty(Value(participant, "RemoteParty") as PSObject),
                        });
                    }
                }
            }

            return new WebexConference
            {
                RawState = rawState,
                State = rawState is null ? EnumValue<ConferenceState>(bag, "State") : WebexValues.ConferenceState(rawState),
                RawType = rawType,
                Type = WebexValues.ConferenceType(rawType),
                Appearance = Value(bag, "Appearance") as int?,
                Created = Time(Value(bag, "Created")),
                Muted = Value(bag, "Muted") is bool hostMuted && hostMuted,
                Participants = participants,
                MemberId = Text(bag, "MemberId"),
                OrgId = Text(bag, "OrgId"),
                LineOwnerId = Text(bag, "LineOwnerId"),
                ConnectionId = Text(bag, "ConnectionId"),
                RetrievedAt = Time(Value(bag, "RetrievedAt")) ?? DateTimeOffset.UtcNow,
            };
        }

        private static RemoteParty? ToParty(PSObject? bag)
        {
            if (bag is null)
            {
                return null;
            }

            var rawCallType = Text(bag, "RawCallType");
            return new RemoteParty
            {
                Name = Text(bag, "Name"),
                Number = Text(bag, "Number"),
                PersonId = Text(bag, "PersonId"),
                PlaceId = Text(bag, "PlaceId"),
                SipAddress = Text(bag, "SipAddress"),
                PrivacyEnabled = Value(bag, "PrivacyEnabled") is bool privacy && privacy,
                RawCallType = rawCallType,
                CallType = WebexValues.CallType(rawCallType),
            };
        }

        private static RedirectionList ToRedirections(object? value)
        {
            if (!(value is IEnumerable items) || value is string)
            {
                return RedirectionList.Empty;
            }

            var list = new List<Redirection>();
            foreach (var item in items)
            {
                if (item is PSObject redirection)
                {
                    var raw = Text(redirection, "RawReason");
                    list.Add(new Redirection
                    {
                        RawReason = raw,
                        Reason = WebexValues.RedirectionReason(raw),
                        RedirectingParty = ToParty(Value(redirection, "RedirectingParty") as PSObject),
                    });
                }
            }

            return list.Count == 0 ? RedirectionList.Empty : new RedirectionList(list);
        }

        // A DateTimeOffset comes back as a property bag; its UtcDateTime survives as a real DateTime.
        private static DateTimeOffset? Time(object? value) =>
            value switch
            {
                DateTimeOffset time => time,
                DateTime time => new DateTimeOffset(time.ToUniversalTime()),
                PSObject bag when Value(bag, "UtcDateTime") is DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
                _ => null,
            };

        private static T EnumValue<T>(PSObject bag, string name)
            where T : struct =>
            Value(bag, name) is { } value && Enum.TryParse<T>(value.ToString(), true, out var parsed) ? parsed : default;

        private static object? Value(PSObject bag, string name)
        {
            var value = bag.Properties[name]?.Value;
            return value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        }

        private static string? Text(PSObject bag, string name) => Value(bag, name)?.ToString();
    }
}
