package app.rapport.plugin;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One owner's contacts and interviews, read and changed on behalf of a plugin with the same rules, ids and
 * errors as the API. A refused change throws {@link Refused}; too many writes at once throw {@link Busy}.
 */
public interface OwnerNetwork {

    /** The most contacts {@link #addContacts} takes at once. */
    int MOST_AT_ONCE = 500;

    String ownerId();

    Optional<PluginContact> contact(String contactId);

    /** Every contact of the owner that is not merged away, a page at a time, in the owner's list order. */
    void eachContact(Consumer<PluginContact> action);

    /** The contact's interviews; the merged duplicates' too. */
    List<PluginInterview> interviewsOf(String contactId);

    default Optional<PluginInterview> interview(String interviewId) {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /** Every interview of the owner, the latest requested first. */
    default void eachInterview(Consumer<PluginInterview> action) {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /** The contacts whose follow-up is due now, the longest overdue first (at most a few hundred). */
    default List<PluginContact> followUpsDue() {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /** Moves a scheduled meeting; a move to where it already is records nothing. */
    default PluginInterview rescheduleMeeting(MeetingMove move) {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /** Calls the meeting off; {@code reason} is shown in the history. */
    default PluginInterview cancelMeeting(String interviewId, String reason) {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /**
     * Adds up to {@link #MOST_AT_ONCE} contacts in one write. Ids are the plugin's: a contact whose id exists
     * already is left as it is and reported {@link ContactOutcome.Result#ALREADY_THERE}, so sending a batch
     * again adds nobody twice.
     */
    List<ContactOutcome> addContacts(List<NewContact> contacts);

    /** Changes the fields given (null keeps one; blank or empty clears it); a change that changes nothing records nothing. */
    PluginContact updateContact(ContactChanges changes);

    /** Records a keep-in-touch interaction; the follow-up clock starts again from the latest one. */
    PluginContact logTouch(Touch touch);
}
