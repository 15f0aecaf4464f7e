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
import app.rapport.application.interview.InterviewUseCases;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.interview.ReferralView;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.CancelMeeting;
import app.rapport.domain.interview.ConfirmMeeting;
import app.rapport.domain.interview.PrepareQuestions;
import app.rapport.domain.interview.RecordResponse;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.RescheduleMeeting;
import app.rapport.domain.interview.SendThanks;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Informational interviews, from the request to the thank-you note, and the referrals they bring. */
@Controller
class InterviewController {

    private static final String INTERVIEW = "interview";

    private final Gateways gateways;
    private final ContactCreation contacts;
    private final InterviewUseCases interviews;

    InterviewController(Gateways gateways, ContactCreation contacts, InterviewUseCases interviews) {
        this.gateways = gateways;
        this.contacts = contacts;
        this.interviews = interviews;
    }

    @QueryMapping
    InterviewView interview(@Argument String id, Caller caller) {
        return interviews.find(Ids.interview(caller.owner(), id, "id")).orElse(null);
    }

    /** A client-chosen id makes it idempotent: a retried request gets the interview back and requests nothing twice. */
    @MutationMapping
    InterviewView requestInterview(@Argument RequestInterviewInput input, Caller caller) {
        return interviews.request(caller.actor(), input.toCommand(caller.owner()));
    }

    @MutationMapping
    InterviewView recordResponse(@Argument RecordResponseInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new RecordResponse(id, input.response(), input.at(), input.note()));
    }

    @MutationMapping
    InterviewView confirmMeeting(@Argument ConfirmMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new ConfirmMeeting(id, input.startsAt(), input.durationMinutes(), input.format(),
                                                                      input.location(), input.timeZone()));
    }

    @MutationMapping
    InterviewView rescheduleMeeting(@Argument RescheduleMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new RescheduleMeeting(id, input.startsAt(), input.durationMinutes(),
                                                                         input.location(), input.reason()));
    }

    @MutationMapping
    InterviewView cancelMeeting(@Argument CancelMeetingInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new CancelMeeting(id, input.reason(), input.cancelledBy()));
    }

    @MutationMapping
    InterviewView prepareQuestions(@Argument PrepareQuestionsInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new PrepareQuestions(id, input.questions()));
    }

    @MutationMapping
    InterviewView recordNotes(@Argument RecordNotesInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, input.toCommand(id));
    }

    @MutationMapping
    InterviewView sendThanks(@Argument SendThanksInput input, Caller caller) {
        InterviewId id = interviewId(caller, input.interviewId());
        return interviews.step(caller.actor(), id, new SendThanks(id, input.sentAt(), input.channel(), input.message()));
    }

    /** Who the interviewee referred: someone in the caller's contacts, or someone new. */
    @MutationMapping
    ReferralView recordReferral(@Argument RecordReferralInput input, Caller caller) {
        if ((input.toContactId() == null) == (input.newContact() == null)) {
            throw new InvalidInput("toContactId", "give exactly one of toContactId (someone in your contacts) and newContact (someone new)");
        }
        if (input.newContact() != null && input.newContact().referredById() != null) {
            throw new InvalidInput("newContact.referredById", "newContact.referredById must be left out: the interviewee introduced them");
        }
        return interviews.recordReferral(
                caller.actor(), interviewId(caller, input.interviewId()),
                input.id() == null ? ReferralId.generate(caller.owner()) : Ids.referral(caller.owner(), input.id(), "id"),
                input.toContactId() == null ? null : Ids.contact(caller.owner(), input.toContactId(), "toContactId"),
                input.newContact() == null ? null : contacts.referred(caller, input.newContact()),
                Boolean.TRUE.equals(input.mayUseName()), input.note());
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

    private static InterviewId interviewId(Caller caller, String id) {
        return Ids.interview(caller.owner(), id, "interviewId");
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
