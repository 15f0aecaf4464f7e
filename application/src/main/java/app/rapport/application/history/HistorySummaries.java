package app.rapport.application.history;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.QuestionsPrepared;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.interview.ThanksSent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One sentence per event, as a person reads their history: "Confirmed a 30-minute video meeting for 12 Dec 2026,
 * 15:00 America/Chicago". Times are shown in the meeting's time zone when the event belongs to a meeting whose
 * zone is known, otherwise in UTC. Every personal text may be null (a forgotten contact's events read so): the
 * sentence then still says what kind of step it was. Other contacts (a referral, an introducer, a merge) are named
 * as they are called when the history is read, and a forgotten one as such: the stored history holds only their
 * ids, so one relationship's history never holds another person's details. An event type this class does not know
 * gets a sentence made from its name, so a new event never breaks the history.
 */
final class HistorySummaries {

    static final ZoneId UTC = ZoneId.of("UTC");

    /** Quoted personal texts are cut here: a summary is one line, the full text is in {@code data}. */
    private static final int QUOTE_LIMIT = 120;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private HistorySummaries() {
    }

    /** How a contact no longer in the network, or never known, is mentioned. */
    static final String FORGOTTEN_CONTACT = "a contact since forgotten";

    /**
     * @param meetingZone the time zone of the meeting the event belongs to, or null when none is known
     * @param names       what other contacts are called now; null for one that is forgotten or unknown
     */
    static String summarize(Object event, ZoneId meetingZone, Function<ContactId, String> names) {
        ZoneId zone = meetingZone == null ? UTC : meetingZone;
        if (event instanceof ContactAdded added) {
            return added(added, names);
        }
        if (event instanceof ContactUpdated updated) {
            return updated(updated);
        }
        if (event instanceof TouchLogged touch) {
            String how = touch.interviewId() != null
                    ? "Logged the meeting as a touch" + channelInBrackets(touch.channel())
                    : "Logged a touch" + channel(touch.channel());
            return how + " on " + date(touch.at(), zone) + quote(touch.note())
                    + (touch.nextFollowUpDue() == null ? "" : "; next follow-up due " + date(touch.nextFollowUpDue(), zone));
        }
        if (event instanceof FollowUpCadenceSet cadence) {
            if (cadence.everyDays() == null) {
                return "Stopped follow-up reminders";
            }
            return "Set follow-ups " + every(cadence.everyDays())
                    + (cadence.nextFollowUpDue() == null ? "" : "; next one due " + date(cadence.nextFollowUpDue(), UTC));
        }
        if (event instanceof IntroductionRecorded introduction) {
            return "Recorded that " + nameOf(introduction.introducer(), names)
                    + (introduction.primary() ? " introduced this person" : " also introduced this person")
                    + (introduction.mayUseIntroducerName() ? ", with permission to use their name" : "");
        }
        if (event instanceof ContactsMerged merged) {
            List<String> taken = labelsOfPresent(List.of(
                    new Labelled("family name", merged.familyName()), new Labelled("pronunciation", merged.pronunciation()),
                    new Labelled("salutation", merged.salutation()), new Labelled("title", merged.title()),
                    new Labelled("organization", merged.organization()), new Labelled("LinkedIn URL", merged.linkedinUrl()),
                    new Labelled("source detail", merged.sourceDetail())));
            return "Merged " + nameOf(merged.duplicateId(), names) + ", a duplicate, into this one"
                    + (taken.isEmpty() ? "" : ", taking its " + joined(taken));
        }
        if (event instanceof ContactMergedInto mergedInto) {
            return "Merged into " + nameOf(mergedInto.survivorId(), names) + ", which holds these details now; this contact is archived";
        }
        if (event instanceof ContactForgotten) {
            return "Erased this contact's personal data; the history keeps only what kinds of steps happened";
        }
        if (event instanceof InterviewRequested request) {
            return "Requested a " + request.requestedMinutes() + "-minute informational interview" + channel(request.channel())
                    + (request.mentionReferrer() && request.introducer() != null
                            ? ", naming " + nameOf(request.introducer(), names) + " as the introducer" : "")
                    + quote(request.purpose());
        }
        if (event instanceof ResponseRecorded response) {
            String what = switch (response.response()) {
                case ACCEPTED -> response.implied()
                        ? "The interview request counts as accepted, as a meeting was confirmed"
                        : "The contact accepted the interview request";
                case DECLINED -> "The contact declined the interview request";
                case NO_RESPONSE -> "Marked the interview request as unanswered";
            };
            return what + " on " + date(response.at(), zone) + quote(response.note());
        }
        if (event instanceof MeetingConfirmed meeting) {
            ZoneId own = zoneOr(meeting.timeZone(), zone);
            return "Confirmed a " + meeting.durationMinutes() + "-minute " + format(meeting.format()) + " for "
                    + dateTime(meeting.startsAt(), own) + quote(" at", meeting.location());
        }
        if (event instanceof MeetingRescheduled moved) {
            return "Moved the meeting from " + dateTime(moved.previousStartsAt(), zone, false) + " to "
                    + dateTime(moved.startsAt(), zone) + " (" + moved.durationMinutes() + " minutes)"
                    + quote(" at", moved.location()) + quote(moved.reason());
        }
        if (event instanceof MeetingCancelled cancelled) {
            return "Cancelled the meeting" + quote(" by", cancelled.cancelledBy()) + quote(cancelled.reason());
        }
        if (event instanceof QuestionsPrepared prepared) {
            if (prepared.questions() == null) {
                return "Prepared questions for the interview";
            }
            int count = prepared.questions().size();
            return count == 0 ? "Cleared the questions for the interview"
                    : "Prepared " + count + (count == 1 ? " question" : " questions") + " for the interview";
        }
        if (event instanceof NotesRecorded notes) {
            if (notes.amended()) {
                return "Amended the notes of the meeting held on " + dateTime(notes.heldAt(), zone) + quote(notes.summary());
            }
            return "Held the meeting on " + dateTime(notes.heldAt(), zone) + " and recorded notes" + quote(notes.summary())
                    + (notes.thanksDueBy() == null ? "" : "; thank-you due by " + date(notes.thanksDueBy(), zone));
        }
        if (event instanceof ReferralRecorded referral) {
            return "Got a referral to " + nameOf(referral.referredContactId(), names)
                    + (referral.mayUseName() ? ", with permission to use the interviewee's name"
                            : ", without permission to use the interviewee's name")
                    + quote(referral.note());
        }
        if (event instanceof ThanksSent thanks) {
            return "Sent a thank-you note" + channel(thanks.channel()) + " on " + date(thanks.sentAt(), zone)
                    + quote(thanks.message());
        }
        if (event instanceof ThanksBecameOverdue overdue) {
            return "The thank-you note became overdue: it was due by " + date(overdue.dueBy(), zone);
        }
        if (event instanceof NudgeBecameDue nudge) {
            return "No answer since the request of " + date(nudge.requestedAt(), zone) + ": a polite nudge is due";
        }
        if (event instanceof FollowUpBecameDue followUp) {
            return "Time to get back in touch: the follow-up was due on " + date(followUp.dueAt(), zone);
        }
        return fallback(event);
    }

    /** "ContactTagged" becomes "Recorded a step: contact tagged". */
    static String fallback(Object event) {
        return fallback(event == null ? "Unknown" : event.getClass().getSimpleName());
    }

    static String fallback(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return "Recorded a step: " + words;
    }

    private static String added(ContactAdded added, Function<ContactId, String> names) {
        String name = Stream.of(added.givenName(), added.familyName())
                            .filter(part -> part != null && !part.isBlank())
                            .collect(Collectors.joining(" "));
        StringBuilder sentence = new StringBuilder("Added ").append(name.isEmpty() ? "a contact" : name);
        if (added.title() != null && added.organization() != null) {
            sentence.append(", ").append(added.title()).append(" at ").append(added.organization());
        } else if (added.title() != null) {
            sentence.append(", ").append(added.title());
        } else if (added.organization() != null) {
            sentence.append(" of ").append(added.organization());
        }
        if (added.source() != null) {
            sentence.append(", found through ").append(source(added.source()));
        }
        if (added.sourceDetail() != null) {
            sentence.append(" (").append(cut(added.sourceDetail())).append(')');
        }
        if (added.referredBy() != null) {
            sentence.append(", introduced by ").append(nameOf(added.referredBy(), names));
        }
        return sentence.toString();
    }

    private static String updated(ContactUpdated updated) {
        List<String> changes = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        change(changes, cleared, "given name", updated.givenName());
        change(changes, cleared, "family name", updated.familyName());
        change(changes, cleared, "pronunciation", updated.pronunciation());
        change(changes, cleared, "salutation", updated.salutation());
        change(changes, cleared, "title", updated.title());
        change(changes, cleared, "organization", updated.organization());
        change(changes, cleared, "emails", updated.emails());
        change(changes, cleared, "phones", updated.phones());
        change(changes, cleared, "LinkedIn URL", updated.linkedinUrl());
        if (updated.source() != null) {
            changes.add("source to " + source(updated.source()));
        }
        change(changes, cleared, "source detail", updated.sourceDetail());
        change(changes, cleared, "tags", updated.tags());
        if (changes.isEmpty() && cleared.isEmpty()) {
            return "Updated the contact's details";
        }
        if (changes.isEmpty()) {
            return "Cleared " + joined(cleared);
        }
        return "Updated " + joined(changes) + (cleared.isEmpty() ? "" : "; cleared " + joined(cleared));
    }

    private static void change(List<String> changes, List<String> cleared, String label, String value) {
        if (value != null) {
            if (value.isEmpty()) {
                cleared.add(label);
            } else {
                changes.add(label + " to \"" + cut(value) + "\"");
            }
        }
    }

    private static void change(List<String> changes, List<String> cleared, String label, List<String> values) {
        if (values != null) {
            if (values.isEmpty()) {
                cleared.add(label);
            } else {
                changes.add(label + " to " + cut(String.join(", ", values)));
            }
        }
    }

    private record Labelled(String label, String value) {
    }

    private static List<String> labelsOfPresent(List<Labelled> fields) {
        return fields.stream().filter(field -> field.value() != null && !field.value().isEmpty()).map(Labelled::label).toList();
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String every(int days) {
        return days == 1 ? "every day" : "every " + days + " days";
    }

    private static String source(ContactSource source) {
        return switch (source) {
            case PERSONAL -> "personal connections";
            case COLLEAGUE -> "colleagues";
            case SUPERVISOR -> "a supervisor";
            case ALUMNI -> "the alumni network";
            case FACULTY -> "faculty";
            case PROFESSIONAL_ASSOCIATION -> "a professional association";
            case CAREER_FAIR -> "a career fair";
            case DIRECTORY -> "a directory";
            case LINKEDIN -> "LinkedIn";
            case SOCIAL_MEDIA -> "social media";
            case REFERRAL -> "a referral";
            case OTHER -> "other means";
        };
    }

    private static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case EMAIL -> " by email";
            case PHONE -> " by phone";
            case LETTER -> " by letter";
            case LINKEDIN -> " on LinkedIn";
            case IN_PERSON -> " in person";
            case VIDEO -> " by video";
            case OTHER -> "";
        };
    }

    private static String channelInBrackets(Channel channel) {
        String how = channel(channel).trim();
        return how.isEmpty() ? "" : " (" + how + ")";
    }

    private static String format(MeetingFormat format) {
        if (format == null) {
            return "meeting";
        }
        return switch (format) {
            case IN_PERSON -> "in-person meeting";
            case PHONE -> "phone call";
            case VIDEO -> "video meeting";
            case OBSERVATIONAL_VISIT -> "observational visit";
        };
    }

    private static String nameOf(ContactId id, Function<ContactId, String> names) {
        String name = id == null ? null : names.apply(id);
        return name == null || name.isBlank() ? FORGOTTEN_CONTACT : name;
    }

    private static ZoneId zoneOr(String zone, ZoneId otherwise) {
        try {
            return zone == null ? otherwise : ZoneId.of(zone);
        } catch (RuntimeException unknownZone) {
            return otherwise;
        }
    }

    private static String date(Instant instant, ZoneId zone) {
        return instant == null ? "an unknown date" : DATE.format(instant.atZone(zone));
    }

    private static String dateTime(Instant instant, ZoneId zone) {
        return dateTime(instant, zone, true);
    }

    private static String dateTime(Instant instant, ZoneId zone, boolean withZone) {
        if (instant == null) {
            return "an unknown time";
        }
        return DATE_TIME.format(instant.atZone(zone)) + (withZone ? " " + zone.getId() : "");
    }

    private static String quote(String text) {
        return text == null || text.isBlank() ? "" : ": \"" + cut(text) + "\"";
    }

    private static String quote(String prefix, String text) {
        return text == null || text.isBlank() ? "" : prefix + " \"" + cut(text) + "\"";
    }

    private static String cut(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= QUOTE_LIMIT ? oneLine : oneLine.substring(0, QUOTE_LIMIT - 1) + "…";
    }
}
