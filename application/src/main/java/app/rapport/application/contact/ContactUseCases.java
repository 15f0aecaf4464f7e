package app.rapport.application.contact;

import app.rapport.application.messaging.ActorCommands;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactDetails;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ForgetContact;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.contact.MarkMergedInto;
import app.rapport.domain.contact.MergeContacts;
import app.rapport.domain.contact.SetFollowUpCadence;
import app.rapport.domain.contact.UpdateContact;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.NotFound;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What can be done to a contact, for the API and plugins alike: each sends its commands as the actor and answers
 * with the contact as it stands after the write. Refusals name the input field ({@code fieldPrefix} when the
 * contact's fields are nested in a larger input).
 */
@Component
public class ContactUseCases {

    private final ActorCommands commands;
    private final QueryGateway queries;

    ContactUseCases(ActorCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public Optional<ContactView> find(ContactId id) {
        return queries.query(new FindContact(id), ResponseTypes.optionalInstanceOf(ContactView.class)).join();
    }

    /** The contact, or a refusal naming {@code field} when the owner has no such contact. */
    public ContactView require(ContactId id, String field) {
        return find(id).orElseThrow(() -> new NotFound(field, field + " names no contact of yours"));
    }

    /**
     * Adds a contact. The id is the client's, so adding is idempotent: when the contact exists, a retried request
     * gets it back unchanged, also when it races its original.
     */
    public ContactView add(String actor, AddContact command, String fieldPrefix) {
        return commands.createOnce(command, actor, fieldPrefix + "id", "contact", () -> find(command.contactId()))
                       .orElseThrow(() -> new Conflict(fieldPrefix + "id", fieldPrefix + "id was used for a contact that was forgotten; choose another id"));
    }

    public ContactView update(String actor, UpdateContact command) {
        commands.send(command, actor, "id", "contact");
        return require(command.contactId(), "id");
    }

    public ContactView logTouch(String actor, LogTouch command) {
        commands.send(command, actor, "contactId", "contact");
        return require(command.contactId(), "contactId");
    }

    public ContactView setFollowUpCadence(String actor, SetFollowUpCadence command) {
        commands.send(command, actor, "contactId", "contact");
        return require(command.contactId(), "contactId");
    }

    /** Survivor first: if the second step fails, the survivor merely holds extra details and a retry completes it. */
    public ContactView merge(String actor, ContactId survivor, ContactId duplicate) {
        ContactView details = require(duplicate, "duplicateId");
        commands.send(new MergeContacts(survivor, duplicate, detailsOf(details)), actor, "survivorId", "contact");
        commands.send(new MarkMergedInto(duplicate, survivor), actor, "duplicateId", "contact");
        return require(survivor, "survivorId");
    }

    /** Forgets the contact and every contact merged into it, whose details it carries. */
    public void forget(String actor, ContactId contact) {
        List<ContactId> absorbed = require(contact, "id").absorbedContactIds();
        commands.send(new ForgetContact(contact), actor, "id", "contact");
        for (ContactId merged : absorbed) {
            commands.send(new ForgetContact(merged), actor, "id", "contact");
        }
    }

    private static ContactDetails detailsOf(ContactView contact) {
        return new ContactDetails(contact.givenName(), contact.familyName(), contact.pronunciation(), contact.salutation(),
                                  contact.title(), contact.organization(), contact.emails(), contact.phones(),
                                  contact.linkedinUrl(), contact.sourceDetail(), contact.tags(), contact.referredBy(),
                                  contact.mayUseIntroducerName(), contact.followUpEveryDays(), contact.lastTouchAt());
    }
}
