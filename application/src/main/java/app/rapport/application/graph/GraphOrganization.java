package app.rapport.application.graph;

import org.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One organization's row of the graph ({@value GraphRows#ORGANIZATIONS}, {@code _id} = "owner/normalized name"):
 * how many of the owner's contacts work there under each spelling, and when each spelling was last written. The
 * people themselves are listed in member buckets ({@value GraphRows#ORGANIZATION_MEMBERS}), so a contact joining or
 * leaving rewrites a small bucket, not a list of everyone who works there. The node exists while someone works
 * there and is labelled with the spelling in use that was written last.
 */
final class GraphOrganization {

    private static final String NAME = "name";
    private static final String SPELLINGS = "spellings";
    private static final String SPELLING = "spelling";
    private static final String COUNT = "count";
    private static final String WRITTEN = "written";

    /** A contact working there: its spelling, written at {@code written} (microseconds since the epoch). */
    record Member(String contact, String name, long written) {
    }

    /** How many work there under one spelling, and when it was last written by one of them. */
    record Spelling(int count, long written) {
    }

    /** The normalized name: trimmed, lower case. */
    final String name;
    final SortedMap<String, Spelling> spellings = new TreeMap<>();

    GraphOrganization(String name) {
        this.name = name;
    }

    void join(Member member) {
        spellings.merge(member.name(), new Spelling(1, member.written()),
                        (kept, joining) -> new Spelling(kept.count() + 1, Math.max(kept.written(), joining.written())));
    }

    void leave(Member member) {
        Spelling kept = spellings.get(member.name());
        if (kept != null) {
            if (kept.count() <= 1) {
                spellings.remove(member.name());
            } else {
                spellings.put(member.name(), new Spelling(kept.count() - 1, kept.written()));
            }
        }
    }

    boolean empty() {
        return spellings.isEmpty();
    }

    String label() {
        String latest = name;
        long written = Long.MIN_VALUE;
        for (Map.Entry<String, Spelling> spelling : spellings.entrySet()) {
            if (spelling.getValue().written() > written) {
                latest = spelling.getKey();
                written = spelling.getValue().written();
            }
        }
        return latest;
    }

    Document toDocument(String key, String owner) {
        List<Document> rows = spellings.entrySet().stream()
                .map(spelling -> new Document(SPELLING, spelling.getKey()).append(COUNT, spelling.getValue().count())
                                                                          .append(WRITTEN, spelling.getValue().written()))
                .toList();
        return new Document(GraphRows.KEY, key).append(GraphRows.OWNER, owner).append(NAME, name).append(SPELLINGS, rows);
    }

    static GraphOrganization of(Document row) {
        GraphOrganization organization = new GraphOrganization(row.getString(NAME));
        for (Document spelling : row.getList(SPELLINGS, Document.class, List.of())) {
            organization.spellings.put(spelling.getString(SPELLING),
                                       new Spelling((int) GraphContact.number(spelling, COUNT), GraphContact.number(spelling, WRITTEN)));
        }
        return organization;
    }
}
