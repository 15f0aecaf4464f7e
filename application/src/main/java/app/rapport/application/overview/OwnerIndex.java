package app.rapport.application.overview;

import app.rapport.application.interview.InterviewView;
import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.contact.ContactId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One owner's contacts and interviews as indexed, with the lists cut from them. Pure: everything it answers
 * follows from the entries and the {@code now} it is given.
 */
final class OwnerIndex {

    /** A survivor can itself be merged away; the bound only guards against a cycle in damaged rows. */
    private static final int MAX_MERGE_HOPS = 16;

    private static final Comparator<IndexedContact> CONTACT_ORDER =
            Comparator.comparing(IndexedContact::sortKey).thenComparing(contact -> contact.id().value());
    private static final Comparator<IndexedInterview> INTERVIEW_ORDER =
            Comparator.comparing(IndexedInterview::requestedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(interview -> interview.id().value());

    private final Map<ContactId, IndexedContact> contacts;
    private final List<IndexedInterview> interviews;

    OwnerIndex(List<IndexedContact> contacts, List<IndexedInterview> interviews) {
        this.contacts = contacts.stream().collect(Collectors.toMap(IndexedContact::id, Function.identity(),
                                                                   (first, second) -> first, LinkedHashMap::new));
        this.interviews = List.copyOf(interviews);
    }

    /** The contacts listed: not archived. */
    List<IndexedContact> activeContacts() {
        return contacts.values().stream().filter(contact -> !contact.archived()).toList();
    }

    List<IndexedInterview> interviews() {
        return interviews;
    }

    /**
     * The stage of every listed contact now, by {@link RelationshipStage#of}, with the interviews that are its:
     * its own and those of the contacts merged into it, as the contact view lists them.
     */
    Map<ContactId, RelationshipStage> stages(Instant now) {
        Map<ContactId, List<InterviewView>> byContact = new HashMap<>();
        for (IndexedInterview interview : interviews) {
            byContact.computeIfAbsent(survivorOf(interview.contactId()), id -> new ArrayList<>()).add(interview.asView());
        }
        Map<ContactId, RelationshipStage> stages = new HashMap<>();
        for (IndexedContact contact : activeContacts()) {
            stages.put(contact.id(), RelationshipStage.of(contact.asView(), byContact.getOrDefault(contact.id(), List.of()), now));
        }
        return stages;
    }

    ContactPage contactPage(FindContactPage query, Instant now) {
        List<String> words = query.search() == null ? List.of()
                : Arrays.stream(query.search().toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty()).toList();
        Map<ContactId, RelationshipStage> stages = query.stage() == null ? Map.of() : stages(now);
        List<IndexedContact> matching = activeContacts().stream()
                .filter(contact -> query.tag() == null || contact.hasTag(query.tag()))
                .filter(contact -> query.stage() == null || stages.get(contact.id()) == query.stage())
                .filter(contact -> words.isEmpty() || containsAll(contact.searchText(), words))
                .sorted(CONTACT_ORDER)
                .toList();
        int start = 0;
        if (query.after() != null) {
            List<String> after = PageCursor.decode(FindContactPage.LIST, query.after());
            start = (int) matching.stream()
                                  .filter(contact -> compare(contact.sortKey(), contact.id().value(), after) <= 0)
                                  .count();
        }
        List<ContactPage.Entry> entries = matching.subList(start, Math.min(matching.size(), start + query.first())).stream()
                .map(contact -> new ContactPage.Entry(contact.id(), PageCursor.encode(FindContactPage.LIST, contact.sortKey(),
                                                                                      contact.id().value())))
                .toList();
        return new ContactPage(entries, matching.size(), start + entries.size() < matching.size());
    }

    InterviewPage interviewPage(FindInterviewPage query) {
        List<IndexedInterview> matching = interviews.stream()
                .filter(interview -> query.status() == null || interview.status() == query.status())
                .sorted(INTERVIEW_ORDER)
                .toList();
        int start = 0;
        if (query.after() != null) {
            List<String> after = PageCursor.decode(FindInterviewPage.LIST, query.after());
            Instant afterRequestedAt = PageCursor.instant(after.get(0));
            start = (int) matching.stream()
                                  .filter(interview -> comesNoLaterThan(interview, afterRequestedAt, after.get(1)))
                                  .count();
        }
        List<InterviewPage.Entry> entries = matching.subList(start, Math.min(matching.size(), start + query.first())).stream()
                .map(interview -> new InterviewPage.Entry(interview.id(), PageCursor.encode(
                        FindInterviewPage.LIST, String.valueOf(interview.requestedAt()), interview.id().value())))
                .toList();
        return new InterviewPage(entries, matching.size(), start + entries.size() < matching.size());
    }

    /** The listed contact an interview counts for: its interviewee, or whom the interviewee was merged into. */
    ContactId survivorOf(ContactId id) {
        ContactId current = id;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            IndexedContact contact = contacts.get(current);
            if (contact == null || contact.mergedInto() == null) {
                return current;
            }
            current = contact.mergedInto();
        }
        return current;
    }

    private static boolean containsAll(String text, List<String> words) {
        return words.stream().allMatch(text::contains);
    }

    private static int compare(String sortKey, String id, List<String> cursor) {
        int bySortKey = sortKey.compareTo(cursor.get(0));
        return bySortKey != 0 ? bySortKey : id.compareTo(cursor.get(1));
    }

    /** Whether the interview is at or before the cursor's position in the newest-first order. */
    private static boolean comesNoLaterThan(IndexedInterview interview, Instant requestedAt, String id) {
        Instant own = interview.requestedAt();
        if (own == null || requestedAt == null) {
            if (own == null && requestedAt == null) {
                return interview.id().value().compareTo(id) <= 0;
            }
            return requestedAt == null; // undated interviews sort last
        }
        int byTime = requestedAt.compareTo(own); // newest first
        return byTime != 0 ? byTime < 0 : interview.id().value().compareTo(id) <= 0;
    }
}
