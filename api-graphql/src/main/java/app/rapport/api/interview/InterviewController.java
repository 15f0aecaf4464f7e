package app.rapport.api.interview;

import app.rapport.api.account.Caller;
import app.rapport.api.contact.ContactCreation;
import app.rapport.api.interview.InterviewInputs.CancelMeetingInput;
import app.rapport.api.interview.InterviewInputs.ConfirmMeetingInput;
import app.rapport.api.interview.InterviewInputs.PrepareQuestionsInput;
import app.rapport.api.interview.InterviewInputs.RecordNotesInput;
import app.rapport.api.interview.InterviewInputs.RecordReferralInput;
import app.rapport.api.interview.InterviewInputs.RecordResponseInput;
import app.rapport.api.interview.InterviewInputs.RequestInterviewInput;
import app.rapport.api.interview.InterviewInputs.RescheduleMeetingInput;
import app.rapport.api.interview.InterviewInputs.SendThanksInput;
import app.rapport.api.shared.Gateways;
import app.rapport.api.shared.Ids;
import app.rapport.application.contact.ContactView;
import app.rapport.application.interview.FindInterview;
import app.rapport.application.interview.FindReferral;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.interview.ReferralView;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RecordIntroduction;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.CancelMeeting;
import app.rapport.domain.interview.ConfirmMeeting;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.PrepareQuestions;
import app.rapport.domain.interview.RecordNotes;
import app.rapport.domain.interview.RecordReferral;
import app.rapport.domain.interview.RecordResponse;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.RequestInterview;
import app.rapport.domain.interview.RescheduleMeeting;
import app.rapport.domain.interview.SendThanks;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Informational interviews, from the request to the thank-you note, and the referrals they bring. */
@Controller
class InterviewController {

    private static final String INTERVIEW = "interview";

    private final Gateways gateways;
    private final ContactCreation contacts;

    InterviewController(Gateways gateways, ContactCreation contacts) {
        this.gateways = gateways;
        this.contacts = contacts;
    }

    @QueryMapping
    InterviewView interview(@Argument String id, Caller caller) {
        return find(Ids.interview(caller.owner(), id, "id")).orElse(null);
    }

    /** A client-chosen id makes it idempotent: a retried request gets the interview back and requests nothing twice. */
    @MutationMapping
    InterviewView requestInterview(@Argument RequestInterviewInput input, Caller caller) {
        InterviewId id = input.id() == null ? InterviewId.generate(caller.owner()) : Ids.interview(caller.owner(), input.id(), "id");
        Optional<InterviewView> existing = find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        ContactId contact = Ids.contact(caller.owner(), input.contactId(), "contactId");
        RequestInterview command = new RequestInterview(id, contact, input.channel(), input.requestedMinutes(), input.purpose(),
                                                        input.message(), Boolean.TRUE.equals(input.mentionReferrer()),
                                                        input.requestedAt());
        try {
            gateways.send(command, caller, "id", INTERVIEW);
        } catch (Conflict taken) {
            return find(id).orElseThrow(() -> taken);
        }
        return require(id, "id");
    }

    @MutationMapping
    InterviewView recordResponse(@Argument RecordResponseInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new RecordResponse(id, input.response(), input.at(), input.note()), id, caller);
    }

    @MutationMapping
    InterviewView confirmMeeting(@Argument ConfirmMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new ConfirmMeeting(id, input.startsAt(), input.durationMinutes(), input.format(), input.location(),
                                       input.timeZone()), id, caller);
    }

    @MutationMapping
    InterviewView rescheduleMeeting(@Argument RescheduleMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new RescheduleMeeting(id, input.startsAt(), input.durationMinutes(), input.location(), input.reason()),
                    id, caller);
    }

    @MutationMapping
    InterviewView cancelMeeting(@Argument CancelMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new CancelMeeting(id, input.reason(), input.cancelledBy()), id, caller);
    }

    @MutationMapping
    InterviewView prepareQuestions(@Argument PrepareQuestionsInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new PrepareQuestions(id, input.questions()), id, caller);
    }

    @MutationMapping
    InterviewView recordNotes(@Argument RecordNotesInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        List<Answer> answers = input.answers() == null ? List.of()
                : input.answers().stream().map(answer -> new Answer(answer.question(), answer.answer())).toList();
        return send(new RecordNotes(id, input.heldAt(), input.summary(), answers, input.advice(), input.nextSteps()), id, caller);
    }

    @MutationMapping
    InterviewView sendThanks(@Argument SendThanksInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return send(new SendThanks(id, input.sentAt(), input.channel(), input.message()), id, caller);
    }

    /**
     * Records who the interviewee referred: an existing contact, who learns who introduced them, or a new one, added
     * with source REFERRAL. The interview is checked first, so a refused referral adds no contact.
     */
    @MutationMapping
    ReferralView recordReferral(@Argument RecordReferralInput input, Caller caller) {
        InterviewId interviewId = interviewId(caller, input.interviewId());
        ReferralId referralId = input.id() == null ? ReferralId.generate(caller.owner()) : Ids.referral(caller.owner(), input.id(), "id");
        Optional<ReferralView> existing = findReferral(referralId);
        if (existing.isPresent()) {
            return existing.get();
        }
        if ((input.toContactId() == null) == (input.newContact() == null)) {
            throw new InvalidInput("toContactId", "give exactly one of toContactId (someone in your contacts) and newContact (someone new)");
        }
        InterviewView interview = require(interviewId, "interviewId");
        if (interview.status() != InterviewStatus.HELD && interview.status() != InterviewStatus.THANKED) {
            throw new Conflict("interviewId", "referrals are recorded once the meeting was held; this interview is " + interview.status());
        }
        boolean mayUseName = Boolean.TRUE.equals(input.mayUseName());
        boolean newPerson = input.newContact() != null;
        ContactId referred = newPerson
                ? contacts.addReferred(caller, input.newContact(), interview.contactId(), mayUseName).id()
                : Ids.contact(caller.owner(), input.toContactId(), "toContactId");
        gateways.send(new RecordReferral(interviewId, referralId, referred, mayUseName, input.note()), caller, "interviewId", INTERVIEW);
        if (!newPerson) {
            gateways.send(new RecordIntroduction(referred, interview.contactId(), mayUseName), caller, "toContactId", "contact");
        }
        return findReferral(referralId).orElseThrow(() -> new IllegalStateException("the referral was recorded but is not in the views"));
    }

    @SchemaMapping(typeName = "Interview")
    String id(InterviewView interview) {
        return interview.id().value();
    }

    @SchemaMapping(typeName = "Interview")
    boolean thanksOverdue(InterviewView interview) {
        return interview.thanksOverdue(GenericEventMessage.clock.instant());
    }

    @BatchMapping(typeName = "Interview")
    Map<InterviewView, ContactView> contact(List<InterviewView> interviews) {
        Map<ContactId, ContactView> found = gateways.contactsById(interviews.stream().map(InterviewView::contactId).toList());
        return pairs(interviews, interview -> found.get(interview.contactId()));
    }

    @SchemaMapping(typeName = "Referral")
    String id(ReferralView referral) {
        return referral.id().value();
    }

    @BatchMapping(typeName = "Referral")
    Map<ReferralView, InterviewView> interview(List<ReferralView> referrals) {
        Map<InterviewId, InterviewView> found = gateways.interviewsById(referrals.stream().map(ReferralView::interviewId).toList());
        return pairs(referrals, referral -> found.get(referral.interviewId()));
    }

    @BatchMapping(typeName = "Referral")
    Map<ReferralView, ContactView> from(List<ReferralView> referrals) {
        Map<ContactId, ContactView> found = gateways.contactsById(referrals.stream().map(ReferralView::fromContactId).toList());
        return pairs(referrals, referral -> found.get(referral.fromContactId()));
    }

    @BatchMapping(typeName = "Referral")
    Map<ReferralView, ContactView> to(List<ReferralView> referrals) {
        Map<ContactId, ContactView> found = gateways.contactsById(referrals.stream().map(ReferralView::toContactId).toList());
        return pairs(referrals, referral -> found.get(referral.toContactId()));
    }

    private InterviewView send(Object command, InterviewId id, Caller caller) {
        gateways.send(command, caller, "interviewId", INTERVIEW);
        return require(id, "interviewId");
    }

    private static InterviewId interviewId(Caller caller, String id) {
        return Ids.interview(caller.owner(), id, "interviewId");
    }

    private Optional<InterviewView> find(InterviewId id) {
        return gateways.ask(new FindInterview(id), ResponseTypes.optionalInstanceOf(InterviewView.class));
    }

    private InterviewView require(InterviewId id, String field) {
        return find(id).orElseThrow(() -> new NotFound(field, field + " names no interview of yours"));
    }

    private Optional<ReferralView> findReferral(ReferralId id) {
        return gateways.ask(new FindReferral(id), ResponseTypes.optionalInstanceOf(ReferralView.class));
    }


    /** Only the keys that have a value: a DataLoader reads a missing key as null. */
    private static <K, V> Map<K, V> pairs(List<K> keys, Function<K, V> value) {
        Map<K, V> result = new LinkedHashMap<>();
        for (K key : keys) {
            V found = value.apply(key);
            if (found != null) {
                result.put(key, found);
            }
        }
        return result;
    }
}
