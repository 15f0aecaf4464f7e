package app.rapport.application.interview;

import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.messaging.ActorCommands;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RecordIntroduction;
import app.rapport.domain.interview.RecordReferral;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.RequestInterview;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.NotFound;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What can be done to an interview, for the API and plugins alike: each sends its commands as the actor and answers
 * with the interview (or referral) as it stands after the write.
 */
@Component
public class InterviewUseCases {

    private static final String INTERVIEW = "interview";

    private final ActorCommands commands;
    private final QueryGateway queries;
    private final ContactUseCases contacts;

    InterviewUseCases(ActorCommands commands, QueryGateway queries, ContactUseCases contacts) {
        this.commands = commands;
        this.queries = queries;
        this.contacts = contacts;
    }

    public Optional<InterviewView> find(InterviewId id) {
        return queries.query(new FindInterview(id), ResponseTypes.optionalInstanceOf(InterviewView.class)).join();
    }

    public InterviewView require(InterviewId id, String field) {
        return find(id).orElseThrow(() -> new NotFound(field, field + " names no interview of yours"));
    }

    /** Requests an interview; the id is the client's, so a retried request gets the interview back and requests nothing twice. */
    public InterviewView request(String actor, RequestInterview command) {
        return commands.createOnce(command, actor, "id", INTERVIEW, () -> find(command.interviewId()))
                       .orElseThrow(() -> new NotFound("id", "id names no interview of yours"));
    }

    /** A step of the interview (a response, the meeting, notes, thanks …), sent to the interview {@code id}. */
    public InterviewView step(String actor, InterviewId id, Object command) {
        commands.send(command, actor, "interviewId", INTERVIEW);
        return require(id, "interviewId");
    }

    /**
     * Records who the interviewee referred: an existing contact ({@code toContact}), who learns who introduced them, or
     * a new one ({@code newContact}, source REFERRAL, introduced by the interviewee). The interview is checked first,
     * so a referral it would refuse adds no contact. The referral id is the client's: a retry records nothing twice.
     *
     * @param newContact the new person, whose {@code referredBy} this fills in; null when {@code toContact} is given
     */
    public ReferralView recordReferral(String actor, InterviewId interviewId, ReferralId referralId, ContactId toContact,
                                       AddContact newContact, boolean mayUseName, String note) {
        Optional<ReferralView> existing = findReferral(referralId);
        if (existing.isPresent()) {
            return existing.get();
        }
        InterviewView interview = require(interviewId, "interviewId");
        if (!interview.status().yieldsReferrals()) {
            throw new Conflict("interviewId", "referrals are recorded once the meeting was held; this interview is " + interview.status());
        }
        ContactId referred = toContact;
        if (newContact != null) {
            AddContact introduced = new AddContact(newContact.contactId(), newContact.givenName(), newContact.familyName(),
                                                   newContact.pronunciation(), newContact.salutation(), newContact.title(),
                                                   newContact.organization(), newContact.emails(), newContact.phones(),
                                                   newContact.linkedinUrl(), newContact.source(), newContact.sourceDetail(),
                                                   newContact.tags(), interview.contactId(), mayUseName);
            referred = contacts.add(actor, introduced, "newContact.").id();
        }
        commands.send(new RecordReferral(interviewId, referralId, referred, mayUseName, note), actor, "interviewId", INTERVIEW);
        if (newContact == null) {
            commands.send(new RecordIntroduction(referred, interview.contactId(), mayUseName), actor, "toContactId", "contact");
        }
        return findReferral(referralId).orElseThrow(() -> new IllegalStateException("the referral was recorded but is not in the views"));
    }

    private Optional<ReferralView> findReferral(ReferralId id) {
        return queries.query(new FindReferral(id), ResponseTypes.optionalInstanceOf(ReferralView.class)).join();
    }
}
