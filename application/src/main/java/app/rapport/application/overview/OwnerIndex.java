package app.rapport.application.overview;

import app.rapport.application.interview.InterviewView;
import app.rapport.application.relationship.RelationshipStage;
import app.rapport.application.relationship.RelationshipStage.Standing;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * One owner's contacts and interviews as indexed, kept current entry by entry, with the lists and figures cut
 * from them. What a page or the dashboard needs is kept ready: the listed contacts in list order, each one's
 * {@link Standing} with the count per stage, the moments at which contacts go quiet, and the follow-ups by due
 * date; so a page costs about a page and the dashboard about what it lists, whatever the size of the network.
 * Interviews are few next to contacts and are sorted when asked for.
 * <p>
 * <b>Time.</b> A contact goes DORMANT when its standing's {@code quietAt} has passed. The counts per stage move
 * such contacts to DORMANT as the dashboard is asked at later moments, each once ({@link #byStage}); asked at an
 * earlier moment than before (a clock set back), the sweep starts again.
 * <p>
 * Safe for use by several threads: the projection changes it while queries read it.
 */
final class OwnerIndex {

    /** A survivor can itself be merged away; the bound only guards against a cycle in damaged rows. */
    private static final int MAX_MERGE_HOPS = 16;

    private static final Comparator<IndexedInterview> INTERVIEW_ORDER =
            Comparator.comparing(IndexedInterview::requestedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                      .thenComparing(interview -> interview.id().value());

    /** A moment and a contact, in time order: when a contact goes quiet, or its follow-up is due. */
    private record Moment(Instant at, String id) implements Comparable<Moment> {
        @Override
        public int compareTo(Moment other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private final OwnerId owner;
    private long version;
    private final Map<ContactId, IndexedContact> contacts = new HashMap<>();
    private final ListedContacts listed = new ListedContacts();
    private final Map<InterviewId, IndexedInterview> interviews = new HashMap<>();
    private final Map<ContactId, Set<InterviewId>> interviewsByContact = new HashMap<>();
    private final Map<ContactId, Set<ContactId>> duplicates = new HashMap<>();
    private final Map<ContactId, Standing> standings = new HashMap<>();
    private final Map<RelationshipStage, Integer> atStage = new EnumMap<>(RelationshipStage.class);
    private final NavigableSet<Moment> goingQuiet = new TreeSet<>();
    private final NavigableSet<Moment> followUps = new TreeSet<>();
    /** Contacts whose quiet moment lies before {@link #sweptTo}, by their standing's stage. */
    private final Map<RelationshipStage, Integer> quietAtStage = new EnumMap<>(RelationshipStage.class);
    private Instant sweptTo = Instant.MIN;

    OwnerIndex(OwnerId owner, long version) {
        this.owner = owner;
        this.version = version;
    }

    OwnerId owner() {
        return owner;
    }

    synchronized long version() {
        return version;
    }

    synchronized void version(long version) {
        this.version = version;
    }

    /** Contacts and interviews: what the index's size in memory grows with. */
    synchronized int entryCount() {
        return contacts.size() + interviews.size();
    }

    // ---------------------------------------------------------------- changes

    synchronized void putContact(IndexedContact contact) {
        IndexedContact old = contacts.put(contact.id(), contact);
        if (old != null) {
            unlist(old);
        }
        list(contact);
        restand(contact.id());
        if (old != null && old.mergedInto() != null) {
            restand(survivorOf(old.mergedInto()));
        }
        if (contact.mergedInto() != null) {
            restand(survivorOf(contact.mergedInto()));
        }
    }

    synchronized void removeContact(ContactId id) {
        IndexedContact old = contacts.remove(id);
        if (old == null) {
            return;
        }
        unlist(old);
        restand(id);
        if (old.mergedInto() != null) {
            restand(survivorOf(old.mergedInto()));
        }
    }

    synchronized void putInterview(IndexedInterview interview) {
        IndexedInterview old = interviews.put(interview.id(), interview);
        if (old != null && !old.contactId().equals(interview.contactId())) {
            forgetInterviewOf(old);
            restand(survivorOf(old.contactId()));
        }
        interviewsByContact.computeIfAbsent(interview.contactId(), id -> new LinkedHashSet<>()).add(interview.id());
        restand(survivorOf(interview.contactId()));
    }

    synchronized void removeInterview(InterviewId id) {
        IndexedInterview old = interviews.remove(id);
        if (old != null) {
            forgetInterviewOf(old);
            restand(survivorOf(old.contactId()));
        }
    }

    private void forgetInterviewOf(IndexedInterview interview) {
        Set<InterviewId> own = interviewsByContact.get(interview.contactId());
        if (own != null) {
            own.remove(interview.id());
            if (own.isEmpty()) {
                interviewsByContact.remove(interview.contactId());
            }
        }
    }

    private void list(IndexedContact contact) {
        if (contact.archived()) {
            duplicates.computeIfAbsent(contact.mergedInto(), id -> new LinkedHashSet<>()).add(contact.id());
            return;
        }
        listed.add(contact);
        if (contact.nextFollowUpDue() != null) {
            followUps.add(new Moment(contact.nextFollowUpDue(), contact.id().value()));
        }
    }

    private void unlist(IndexedContact contact) {
        if (contact.archived()) {
            Set<ContactId> merged = duplicates.get(contact.mergedInto());
            if (merged != null) {
                merged.remove(contact.id());
                if (merged.isEmpty()) {
                    duplicates.remove(contact.mergedInto());
                }
            }
            return;
        }
        listed.remove(contact);
        if (contact.nextFollowUpDue() != null) {
            followUps.remove(new Moment(contact.nextFollowUpDue(), contact.id().value()));
        }
    }

    /** Derives the contact's standing again, from the contact and the interviews that are its, and counts it. */
    private void restand(ContactId id) {
        Standing old = standings.remove(id);
        if (old != null) {
            count(old, id, -1);
        }
        IndexedContact contact = contacts.get(id);
        if (contact == null || contact.archived()) {
            return;
        }
        Standing standing = RelationshipStage.standing(contact.asView(), interviewsOf(id));
        standings.put(id, standing);
        count(standing, id, +1);
    }

    private void count(Standing standing, ContactId id, int change) {
        atStage.merge(standing.stage(), change, Integer::sum);
        if (standing.quietAt() == null) {
            return;
        }
        Moment quiet = new Moment(standing.quietAt(), id.value());
        if (change > 0) {
            goingQuiet.add(quiet);
        } else {
            goingQuiet.remove(quiet);
        }
        if (standing.quietAt().isBefore(sweptTo)) {
            quietAtStage.merge(standing.stage(), change, Integer::sum);
        }
    }

    /** The interviews that count for a listed contact: its own and those of the contacts merged into it. */
    private List<InterviewView> interviewsOf(ContactId survivor) {
        List<InterviewView> views = new ArrayList<>();
        Set<ContactId> seen = new LinkedHashSet<>();
        List<ContactId> group = new ArrayList<>(List.of(survivor));
        for (int at = 0; at < group.size() && seen.size() <= MAX_MERGE_HOPS * 16; at++) {
            ContactId member = group.get(at);
            if (!seen.add(member)) {
                continue;
            }
            interviewsByContact.getOrDefault(member, Set.of()).forEach(id -> views.add(interviews.get(id).asView()));
            group.addAll(duplicates.getOrDefault(member, Set.of()));
        }
        return views;
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

    // ---------------------------------------------------------------- reading

    /** How many listed contacts are at each stage at {@code now}, every stage present, in the enum's order. */
    synchronized Map<RelationshipStage, Integer> byStage(Instant now) {
        if (now.isBefore(sweptTo)) {
            sweptTo = Instant.MIN;
            quietAtStage.clear();
        }
        for (Moment quiet : goingQuiet.subSet(new Moment(sweptTo, ""), true, new Moment(now, ""), false)) {
            quietAtStage.merge(standings.get(new ContactId(owner, quiet.id())).stage(), 1, Integer::sum);
        }
        sweptTo = now;
        Map<RelationshipStage, Integer> counts = new EnumMap<>(RelationshipStage.class);
        int dormant = 0;
        for (RelationshipStage stage : RelationshipStage.values()) {
            int quiet = quietAtStage.getOrDefault(stage, 0);
            counts.put(stage, atStage.getOrDefault(stage, 0) - quiet);
            dormant += quiet;
        }
        counts.merge(RelationshipStage.DORMANT, dormant, Integer::sum);
        return counts;
    }

    /** The stage of every listed contact at {@code now}. */
    synchronized Map<ContactId, RelationshipStage> stages(Instant now) {
        Map<ContactId, RelationshipStage> stages = new HashMap<>();
        standings.forEach((id, standing) -> stages.put(id, standing.at(now)));
        return stages;
    }

    /** A page of the listed contacts ({@link ListedContacts#page}); a stage is the contact's at {@code now}. */
    synchronized ContactPage contactPage(FindContactPage query, Instant now) {
        if (query.tag() == null && query.stage() == null) {
            return listed.page(query, null);
        }
        return listed.page(query, contact -> (query.tag() == null || contact.hasTag(query.tag()))
                                             && (query.stage() == null || standings.get(contact.id()).at(now) == query.stage()));
    }

    synchronized InterviewPage interviewPage(FindInterviewPage query) {
        List<IndexedInterview> matching = interviews.values().stream()
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

    synchronized int listedCount() {
        return listed.size();
    }

    synchronized List<IndexedInterview> interviews() {
        return List.copyOf(interviews.values());
    }

    /** Listed contacts whose follow-up is due at {@code now}, the longest due first, at most {@code limit}. */
    synchronized List<ContactId> followUpsDue(Instant now, int limit) {
        List<ContactId> due = new ArrayList<>();
        for (Moment followUp : followUps) {
            if (followUp.at().isAfter(now) || due.size() >= limit) {
                break;
            }
            due.add(new ContactId(owner, followUp.id()));
        }
        return due;
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
