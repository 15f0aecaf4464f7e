package app.rapport.api.contact;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactSource;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.contact.UpdateContact;

import java.time.Instant;
import java.util.List;

/** The GraphQL inputs of the contact mutations, as the schema names them. */
public final class ContactInputs {

    private ContactInputs() {
    }

    public record AddContactInput(String id, String givenName, String familyName, String pronunciation, String salutation,
                                  String title, String organization, List<String> emails, List<String> phones,
                                  String linkedinUrl, ContactSource source, String sourceDetail, List<String> tags,
                                  String referredById) {
    }

    record UpdateContactInput(String id, String givenName, String familyName, String pronunciation, String salutation,
                              String title, String organization, List<String> emails, List<String> phones,
                              String linkedinUrl, List<String> tags) {

        UpdateContact toCommand(ContactId contact) {
            return new UpdateContact(contact, givenName, familyName, pronunciation, salutation, title, organization, emails,
                                     phones, linkedinUrl, null, null, tags);
        }
    }

    record LogTouchInput(String contactId, Instant at, Channel channel, String note) {

        LogTouch toCommand(ContactId contact) {
            return new LogTouch(contact, at, channel, note, null);
        }
    }
}
