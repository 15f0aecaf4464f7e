package app.rapport.api.contact;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactSource;

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
    }

    record LogTouchInput(String contactId, Instant at, Channel channel, String note) {
    }
}
