package app.rapport.application.overview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search of the owner's index finds what looking at every contact in turn would find, page after page, however
 * contacts were added, changed, merged away and removed before it.
 */
class OwnerIndexSearchTest {

    private static final OwnerId OWNER = new OwnerId("user-1");
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final String[] GIVEN = {"Dana", "Ravi", "Zoë", "Lee", "Siobhán", "Mei", "Anna", "Ana"};
    private static final String[] FAMILY = {"Reyes", "Patel", "Nguyen", "O'Brien", "Kowalski", "Łukasz", "Annan"};
    private static final String[] ORGANIZATIONS = {"Globex", "Contoso Health", "Initech", "Globe Theatre", null};
    private static final String[] TAGS = {"mentor", "alumni", "design", "recruiter"};
    private static final String[] SEARCHES = {"ana", "an", "glob", "globex ravi", "ravi  glob", "zoë", "ł", "health dana",
            "o'b", "a", "ment ana", "nobody", "tre", "e e"};

    @Test
    void aSearchFindsExactlyTheContactsHoldingEveryWordInListOrderAcrossPages() {
        Random random = new Random(20261128);
        OwnerIndex index = new OwnerIndex(OWNER, 0);
        Map<ContactId, IndexedContact> contacts = new HashMap<>();
        for (int step = 0; step < 6_000; step++) {
            ContactId id = new ContactId(OWNER, "c" + random.nextInt(900));
            int action = random.nextInt(10);
            if (action < 6) {
                IndexedContact contact = contact(id, random, null);
                index.putContact(contact);
                contacts.put(id, contact);
            } else if (action < 7 && !contacts.isEmpty()) {
                ContactId survivor = new ArrayList<>(contacts.keySet()).get(random.nextInt(contacts.size()));
                if (!survivor.equals(id)) {
                    IndexedContact merged = contact(id, random, survivor);
                    index.putContact(merged);
                    contacts.put(id, merged);
                }
            } else {
                index.removeContact(id);
                contacts.remove(id);
            }
            if (step % 500 == 499) {
                for (String search : SEARCHES) {
                    assertThat(allPages(index, search, 1 + random.nextInt(60)))
                            .as("search '%s' after %d changes", search, step + 1)
                            .containsExactlyElementsOf(expected(contacts.values(), search));
                }
            }
        }
    }

    @Test
    void aContactChangedOrRemovedIsFoundByWhatItHoldsNow() {
        OwnerIndex index = new OwnerIndex(OWNER, 0);
        ContactId dana = new ContactId(OWNER, "dana");
        index.putContact(named(dana, "Dana", "Globex"));
        index.putContact(named(dana, "Dana", "Initech"));

        assertThat(ids(index.contactPage(new FindContactPage(OWNER, 10, null, "globex", null, null), NOW))).isEmpty();
        assertThat(ids(index.contactPage(new FindContactPage(OWNER, 10, null, "initech", null, null), NOW))).containsExactly(dana);

        index.removeContact(dana);
        ContactPage none = index.contactPage(new FindContactPage(OWNER, 10, null, "dana", null, null), NOW);
        assertThat(none.totalCount()).isZero();
        assertThat(none.entries()).isEmpty();
    }

    private static List<ContactId> allPages(OwnerIndex index, String search, int pageSize) {
        List<ContactId> found = new ArrayList<>();
        String after = null;
        int total = -1;
        for (int pages = 0; pages <= 1_000 / pageSize + 1; pages++) {
            ContactPage page = index.contactPage(new FindContactPage(OWNER, pageSize, after, search, null, null), NOW);
            if (total >= 0) {
                assertThat(page.totalCount()).as("the total on every page").isEqualTo(total);
            }
            total = page.totalCount();
            found.addAll(ids(page));
            if (!page.hasNextPage()) {
                assertThat(found).hasSize(total);
                return found;
            }
            assertThat(page.entries()).hasSize(pageSize);
            after = page.endCursor();
        }
        throw new AssertionError("the pages of '" + search + "' do not come to an end");
    }

    private static List<ContactId> expected(Iterable<IndexedContact> contacts, String search) {
        List<String> words = List.of(search.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<IndexedContact> matching = new ArrayList<>();
        for (IndexedContact contact : contacts) {
            String text = contact.searchText();
            if (!contact.archived() && words.stream().allMatch(text::contains)) {
                matching.add(contact);
            }
        }
        return matching.stream()
                       .sorted(Comparator.comparing(IndexedContact::sortKey).thenComparing(contact -> contact.id().value()))
                       .map(IndexedContact::id)
                       .toList();
    }

    private static List<ContactId> ids(ContactPage page) {
        return page.entries().stream().map(ContactPage.Entry::id).toList();
    }

    private static IndexedContact contact(ContactId id, Random random, ContactId mergedInto) {
        List<String> tags = random.nextBoolean() ? List.of() : List.of(TAGS[random.nextInt(TAGS.length)]);
        return new IndexedContact(id, GIVEN[random.nextInt(GIVEN.length)], FAMILY[random.nextInt(FAMILY.length)] + " " + random.nextInt(50),
                                  random.nextInt(3) == 0 ? "Engineer" : null, ORGANIZATIONS[random.nextInt(ORGANIZATIONS.length)],
                                  tags, NOW.minusSeconds(random.nextInt(100_000)), null, null, mergedInto);
    }

    private static IndexedContact named(ContactId id, String givenName, String organization) {
        return new IndexedContact(id, givenName, null, null, organization, List.of(), NOW, null, null, null);
    }
}
