package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactDirectory;
import app.rapport.domain.contact.ContactFacts;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.DomainClock;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One informational interview with one contact, from the request to the thank-you note: request, answer,
 * meeting, questions, notes, referrals, thanks. Steps that happened in the past may be recorded later,
 * in the order they happened.
 */
public class InformationalInterview {

    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 60;
    static final int MAX_VISIT_MINUTES = 8 * 60;
    static final Duration THANKS_WITHIN = Duration.ofDays(7);

    static final int PURPOSE_MAX = 1000;
    static final int MESSAGE_MAX = 5000;
    static final int NOTE_MAX = 2000;
    static final int LOCATION_MAX = 500;
    static final int TIME_ZONE_MAX = 100;
    static final int REASON_MAX = 1000;
    static final int CANCELLED_BY_MAX = 200;
    static final int MAX_QUESTIONS = 50;
    static final int QUESTION_MAX = 500;
    static final int MAX_ANSWERS = 100;
    static final int ANSWER_MAX = 5000;
    static final int SUMMARY_MAX = 10000;
    static final int ADVICE_MAX = 5000;

    @AggregateIdentifier
    private InterviewId id;
    private ContactId contactId;
    private InterviewStatus status;
    private Instant requestedAt;
    private Instant respondedAt;
    private Instant meetingStartsAt;
    private int meetingMinutes;
    private MeetingFormat meetingFormat;
    private String meetingLocation;
    private List<String> questions = List.of();
    private Instant heldAt;
    private Instant thanksDueBy;
    private Instant thanksSentAt;
    private boolean thanksOverdue;
    private boolean nudged;
    private final Map<ContactId, ReferralId> referralsByContact = new HashMap<>();
    private final Map<ReferralId, ContactId> referredContactsByReferral = new HashMap<>();

    InformationalInterview() {
        // for Axon, which rebuilds the interview from its events
    }

    @CommandHandler
    InformationalInterview(RequestInterview command, ContactDirectory directory) {
        InterviewId interviewId = Require.present("id", command.interviewId());
        ContactId contact = Require.present("contactId", command.contactId());
        Channel channel = Require.present("channel", command.channel());
        int minutes = Require.between("requestedMinutes", command.requestedMinutes(), MIN_MINUTES, MAX_MINUTES);
        String purpose = Require.optionalText("purpose", command.purpose(), PURPOSE_MAX);
        String message = Require.optionalText("message", command.message(), MESSAGE_MAX);
        Instant now = DomainClock.now();
        Instant requestedAt = command.requestedAt() == null
                ? now : Require.notInFuture("requestedAt", command.requestedAt(), now);
        ContactFacts facts = directory.requireKnown("contactId", contact, interviewId.owner());
        ContactId introducer = null;
        if (command.mentionReferrer()) {
            if (facts.introducer() == null) {
                throw new InvalidInput("mentionReferrer", "mentionReferrer must be false: nobody introduced this contact,"
                                                          + " so there is no name to mention");
            }
            if (!facts.mayUseIntroducerName()) {
                throw new Conflict("mentionReferrer", "mentionReferrer must be false: the person who introduced this contact"
                                                      + " did not allow their name to be used");
            }
            introducer = facts.introducer();
        }
        apply(new InterviewRequested(interviewId, contact, channel, minutes, purpose, message,
                                     command.mentionReferrer(), introducer, requestedAt));
    }

    @CommandHandler
    void handle(RecordResponse command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        Response response = Require.present("response", command.response());
        Instant now = DomainClock.now();
        Instant at = command.at() == null ? now : Require.notInFuture("at", command.at(), now);
        Require.notBefore("at", at, requestedAt, "the request");
        Require.notBefore("at", at, respondedAt, "the previous response");
        String note = Require.optionalText("note", command.note(), NOTE_MAX);
        switch (status) {
            case REQUESTED, NO_RESPONSE -> {
                // any answer may follow a request or a nudge
            }
            case ACCEPTED -> {
                if (response == Response.ACCEPTED) {
                    return; // already accepted: a repeat changes nothing
                }
                if (response == Response.NO_RESPONSE) {
                    throw new Conflict("response", "response cannot be NO_RESPONSE: the request was already accepted");
                }
            }
            default -> throw new Conflict("response", "a response can be recorded only while the interview is REQUESTED,"
                                                      + " NO_RESPONSE or ACCEPTED; it is " + status);
        }
        apply(new ResponseRecorded(id, contactId, response, at, note, false));
    }

    @CommandHandler
    void handle(ConfirmMeeting command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        Instant startsAt = Require.present("startsAt", command.startsAt());
        MeetingFormat format = Require.present("format", command.format());
        int minutes = meetingMinutes(format, command.durationMinutes());
        String location = Require.optionalText("location", command.location(), LOCATION_MAX);
        String timeZone = timeZone(command.timeZone());
        Require.notBefore("startsAt", startsAt, requestedAt, "the request");
        boolean answered = switch (status) {
            case REQUESTED, NO_RESPONSE -> false;
            case ACCEPTED -> true;
            case SCHEDULED -> throw new Conflict(null, "a meeting is already scheduled for " + meetingStartsAt
                                                       + "; reschedule it instead");
            case DECLINED -> throw new Conflict(null, "the request was declined, so no meeting can follow;"
                                                      + " request a new interview if they change their mind");
            case CANCELLED -> throw new Conflict(null, "the meeting was cancelled; request a new interview to meet after all");
            case HELD, THANKED -> throw new Conflict(null, "the meeting already took place on " + heldAt);
        };
        if (!answered) {
            apply(new ResponseRecorded(id, contactId, Response.ACCEPTED, impliedAcceptanceAt(startsAt), null, true));
        }
        apply(new MeetingConfirmed(id, contactId, startsAt, minutes, format, location, timeZone));
    }

    @CommandHandler
    void handle(RescheduleMeeting command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        if (status != InterviewStatus.SCHEDULED) {
            throw new Conflict(null, "only a scheduled meeting can be rescheduled; this interview is " + status);
        }
        Instant startsAt = Require.present("startsAt", command.startsAt());
        Require.notBefore("startsAt", startsAt, requestedAt, "the request");
        int minutes = command.durationMinutes() == null
                ? meetingMinutes : meetingMinutes(meetingFormat, command.durationMinutes());
        String location = command.location() == null
                ? meetingLocation : Require.optionalText("location", command.location(), LOCATION_MAX);
        String reason = Require.optionalText("reason", command.reason(), REASON_MAX);
        if (startsAt.equals(meetingStartsAt) && minutes == meetingMinutes && Objects.equals(location, meetingLocation)) {
            return;
        }
        apply(new MeetingRescheduled(id, contactId, meetingStartsAt, startsAt, minutes, location, reason));
    }

    @CommandHandler
    void handle(CancelMeeting command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        String reason = Require.optionalText("reason", command.reason(), REASON_MAX);
        String cancelledBy = Require.optionalText("cancelledBy", command.cancelledBy(), CANCELLED_BY_MAX);
        if (status != InterviewStatus.SCHEDULED && status != InterviewStatus.ACCEPTED) {
            throw new Conflict(null, "only an accepted or scheduled meeting can be cancelled; this interview is " + status);
        }
        apply(new MeetingCancelled(id, contactId, reason, cancelledBy));
    }

    @CommandHandler
    void handle(PrepareQuestions command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        List<String> prepared = Require.texts("questions", Require.present("questions", command.questions()),
                                              MAX_QUESTIONS, QUESTION_MAX);
        if (status == InterviewStatus.DECLINED || status == InterviewStatus.CANCELLED) {
            throw new Conflict(null, "there is no meeting to prepare for: this interview is " + status);
        }
        if (prepared.equals(questions)) {
            return;
        }
        apply(new QuestionsPrepared(id, contactId, prepared));
    }

    @CommandHandler
    void handle(RecordNotes command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        Instant held = Require.present("heldAt", command.heldAt());
        String summary = Require.optionalText("summary", command.summary(), SUMMARY_MAX);
        List<Answer> answers = answers(command.answers());
        String advice = Require.optionalText("advice", command.advice(), ADVICE_MAX);
        String nextSteps = Require.optionalText("nextSteps", command.nextSteps(), ADVICE_MAX);
        if (status != InterviewStatus.SCHEDULED && status != InterviewStatus.HELD && status != InterviewStatus.THANKED) {
            throw new Conflict(null, "notes follow a meeting: confirm the meeting first; this interview is " + status);
        }
        Require.notInFuture("heldAt", held, DomainClock.now());
        Require.notBefore("heldAt", held, meetingStartsAt, "the meeting's start");
        if (thanksSentAt != null && held.isAfter(thanksSentAt)) {
            throw new InvalidInput("heldAt", "heldAt must not be after the thanks were sent (" + thanksSentAt
                                             + "), was " + held);
        }
        boolean amended = heldAt != null;
        Instant dueBy = amended ? thanksDueBy : held.plus(THANKS_WITHIN);
        apply(new NotesRecorded(id, contactId, held, summary, answers, advice, nextSteps, dueBy, amended));
    }

    @CommandHandler
    void handle(RecordReferral command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        ReferralId referralId = Require.present("referralId", command.referralId());
        if (!referralId.owner().equals(id.owner())) {
            throw new NotFound("referralId", "referralId names no referral " + referralId.value() + " of yours");
        }
        ContactId referred = Require.present("toContactId", command.referredContactId());
        if (referred.equals(contactId)) {
            throw new InvalidInput("toContactId", "toContactId must name someone else: the interviewee cannot refer themselves");
        }
        String note = Require.optionalText("note", command.note(), NOTE_MAX);
        if (!status.yieldsReferrals()) {
            throw new Conflict(null, "referrals come from a meeting that took place: record its notes first;"
                                     + " this interview is " + status);
        }
        directory.requireKnown("toContactId", referred, id.owner());
        ReferralId earlier = referralsByContact.get(referred);
        if (referralId.equals(earlier)) {
            return; // a retried referral
        }
        if (earlier != null) {
            throw new Conflict("toContactId", "toContactId names contact " + referred.value()
                                              + ", who was already referred in this interview");
        }
        if (referredContactsByReferral.containsKey(referralId)) {
            throw new Conflict("referralId", "referralId " + referralId.value() + " already names another referral of this interview");
        }
        apply(new ReferralRecorded(id, contactId, referralId, referred, command.mayUseName(), note));
    }

    @CommandHandler
    void handle(SendThanks command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        Instant sentAt = Require.present("sentAt", command.sentAt());
        Channel channel = Require.present("channel", command.channel());
        String message = Require.optionalText("message", command.message(), MESSAGE_MAX);
        if (status == InterviewStatus.THANKED) {
            throw new Conflict(null, "thanks were already sent on " + thanksSentAt + "; once is enough");
        }
        if (status != InterviewStatus.HELD) {
            throw new Conflict(null, "thanks follow the meeting: record its notes first; this interview is " + status);
        }
        Require.notInFuture("sentAt", sentAt, DomainClock.now());
        Require.notBefore("sentAt", sentAt, heldAt, "the meeting");
        apply(new ThanksSent(id, contactId, sentAt, channel, message));
    }

    /** Once the week has passed without thanks, says so once; anything else records nothing. */
    @CommandHandler
    void handle(MarkThanksOverdue command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        if (status != InterviewStatus.HELD || thanksOverdue || DomainClock.now().isBefore(thanksDueBy)) {
            return; // thanked, not yet due, or already marked: a repeated or early reminder changes nothing
        }
        apply(new ThanksBecameOverdue(id, contactId, thanksDueBy));
    }

    /** A nudge falls due once per request, while it is unanswered; anything else records nothing. */
    @CommandHandler
    void handle(MarkNudgeDue command, ContactDirectory directory) {
        requireAddressable(command.interviewId(), directory);
        Instant dueAt = Require.present("dueAt", command.dueAt());
        Require.notBefore("dueAt", dueAt, requestedAt, "the request");
        if (status != InterviewStatus.REQUESTED || nudged || DomainClock.now().isBefore(dueAt)) {
            return; // answered, already nudged or not yet due: a repeated or early reminder changes nothing
        }
        apply(new NudgeBecameDue(id, contactId, requestedAt, dueAt));
    }

    @EventSourcingHandler
    void on(InterviewRequested event) {
        id = event.interviewId();
        contactId = event.contactId();
        requestedAt = event.requestedAt();
        status = InterviewStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ResponseRecorded event) {
        respondedAt = event.at();
        status = InterviewStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(MeetingConfirmed event) {
        status = InterviewStatus.after(status, event);
        meetingStartsAt = event.startsAt();
        meetingMinutes = event.durationMinutes();
        meetingFormat = event.format();
        meetingLocation = event.location();
    }

    @EventSourcingHandler
    void on(MeetingRescheduled event) {
        meetingStartsAt = event.startsAt();
        meetingMinutes = event.durationMinutes();
        meetingLocation = event.location();
    }

    @EventSourcingHandler
    void on(MeetingCancelled event) {
        status = InterviewStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(QuestionsPrepared event) {
        questions = event.questions() == null ? List.of() : event.questions();
    }

    @EventSourcingHandler
    void on(NotesRecorded event) {
        heldAt = event.heldAt();
        thanksDueBy = event.thanksDueBy();
        status = InterviewStatus.after(status, event);
    }

    @EventSourcingHandler
    void on(ReferralRecorded event) {
        referralsByContact.put(event.referredContactId(), event.referralId());
        referredContactsByReferral.put(event.referralId(), event.referredContactId());
    }

    @EventSourcingHandler
    void on(ThanksSent event) {
        status = InterviewStatus.after(status, event);
        thanksSentAt = event.sentAt();
    }

    @EventSourcingHandler
    void on(ThanksBecameOverdue event) {
        thanksOverdue = true;
    }

    @EventSourcingHandler
    void on(NudgeBecameDue event) {
        nudged = true;
    }

    /**
     * Refuses another owner's command, and any command once the interviewee was forgotten: the interview
     * belongs to that relationship and was erased with it.
     */
    private void requireAddressable(InterviewId addressed, ContactDirectory directory) {
        boolean contactRemembered = directory.find(contactId).filter(facts -> !facts.forgotten()).isPresent();
        if (!id.equals(addressed) || !contactRemembered) {
            String which = addressed == null ? "" : " " + addressed.value();
            throw new NotFound("interviewId", "interviewId names no interview" + which + " of yours");
        }
    }

    private static int meetingMinutes(MeetingFormat format, int minutes) {
        int max = format == MeetingFormat.OBSERVATIONAL_VISIT ? MAX_VISIT_MINUTES : MAX_MINUTES;
        if (minutes < MIN_MINUTES || minutes > max) {
            String visitHint = format == MeetingFormat.OBSERVATIONAL_VISIT
                    ? "" : " (only an observational visit may last up to " + MAX_VISIT_MINUTES + ")";
            throw new InvalidInput("durationMinutes", "durationMinutes must be between " + MIN_MINUTES + " and " + max
                                                      + " for " + format + visitHint + ", was " + minutes);
        }
        return minutes;
    }

    private static String timeZone(String value) {
        String zone = Require.text("timeZone", value, TIME_ZONE_MAX);
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new InvalidInput("timeZone", "timeZone must be a time zone id such as Europe/Berlin,"
                                               + " America/New_York or UTC, was \"" + zone + "\"");
        }
    }

    private static List<Answer> answers(List<Answer> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_ANSWERS) {
            throw new InvalidInput("answers", "answers may hold at most " + MAX_ANSWERS + " entries, was " + values.size());
        }
        List<Answer> answers = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Answer answer = values.get(i);
            String position = "answers[" + i + "]";
            String question = answerPart(position + ".question", answer == null ? null : answer.question(), QUESTION_MAX);
            String text = answerPart(position + ".answer", answer == null ? null : answer.answer(), ANSWER_MAX);
            answers.add(new Answer(question, text));
        }
        return List.copyOf(answers);
    }

    private static String answerPart(String name, String value, int maxLength) {
        if (Require.blank(value)) {
            throw new InvalidInput("answers", name + " must not be blank");
        }
        String stripped = value.strip();
        try {
            Require.clean(name, stripped);
        } catch (InvalidInput unclean) {
            throw new InvalidInput("answers", unclean.getMessage());
        }
        if (stripped.length() > maxLength) {
            throw new InvalidInput("answers", name + " must be at most " + maxLength + " characters, was " + stripped.length());
        }
        return stripped;
    }

    /** Confirming a meeting implies it was accepted, at the latest when it starts, never before the request. */
    private Instant impliedAcceptanceAt(Instant startsAt) {
        Instant now = DomainClock.now();
        Instant at = startsAt.isBefore(now) ? startsAt : now;
        for (Instant earliest : new Instant[]{requestedAt, respondedAt}) {
            if (earliest != null && at.isBefore(earliest)) {
                at = earliest;
            }
        }
        return at;
    }
}
