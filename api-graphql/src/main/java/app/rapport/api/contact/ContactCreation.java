package app.rapport.api.contact;

import app.rapport.api.account.Caller;
import app.rapport.api.contact.ContactInputs.AddContactInput;
import app.rapport.api.shared.Ids;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.contact.ContactView;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.InvalidInput;
import org.springframework.stereotype.Component;


/**
 * Adds a contact from an {@code AddContactInput}, for {@code addContact} and for a referral to a new person.
 * A client-chosen id makes it idempotent: when the contact exists, a retried request gets it back unchanged.
 */
@Component
public class ContactCreation {

    private final ContactUseCases contacts;

    ContactCreation(ContactUseCases contacts) {
        this.contacts = contacts;
    }

    ContactView add(Caller caller, AddContactInput input) {
        ContactId introducer = input.referredById() == null ? null : Ids.contact(caller.owner(), input.referredById(), "referredById");
        return add(caller, input, input.source(), introducer, false, "");
    }

    /**
     * A person someone referred, as {@code recordReferral}'s {@code newContact}: source REFERRAL; the use case fills in
     * the introducer, the interviewee.
     */
    public AddContact referred(Caller caller, AddContactInput input) {
        return command(caller, input, ContactSource.REFERRAL, null, false, "newContact.");
    }

    private ContactView add(Caller caller, AddContactInput input, ContactSource source, ContactId introducer,
                            boolean mayUseIntroducerName, String fieldPrefix) {
        return contacts.add(caller.actor(), command(caller, input, source, introducer, mayUseIntroducerName, fieldPrefix), fieldPrefix);
    }

    private static AddContact command(Caller caller, AddContactInput input, ContactSource source, ContactId introducer,
                                      boolean mayUseIntroducerName, String fieldPrefix) {
        if (input == null) {
            throw new InvalidInput(fieldPrefix + "input", "the new contact's details are required");
        }
        ContactId id = input.id() == null ? ContactId.generate(caller.owner()) : Ids.contact(caller.owner(), input.id(), fieldPrefix + "id");
        return new AddContact(id, input.givenName(), input.familyName(), input.pronunciation(), input.salutation(),
                              input.title(), input.organization(), input.emails(), input.phones(), input.linkedinUrl(),
                              source, input.sourceDetail(), input.tags(), introducer, mayUseIntroducerName);
    }
}
