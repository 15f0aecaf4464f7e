package app.rapport.application.graph;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One organization's row of the graph ({@value GraphRows#ORGANIZATIONS}, {@code _id} = "owner/normalized name"):
 * the contacts that work there, each with its spelling and when it wrote it. The node exists while it has a member
 * and is labelled with the spelling written last (the first member by id among equals).
 */
final class GraphOrganization {

    private static final String NAME = "name";
    private static final String MEMBERS = "members";
    private static final String CONTACT = "contact";
    private static final String WRITTEN = "written";

    /** A contact working there: its spelling, written at {@code written} (microseconds since the epoch). */
    record Member(String contact, String name, long written) {
    }

    /** The normalized name: trimmed, lower case. */
    final String name;
    final SortedMap<String, Member> members = new TreeMap<>();

    GraphOrganization(String name) {
        this.name = name;
    }

    String label() {
        Member latest = null;
        for (Member member : members.values()) {
            if (latest == null || member.written() > latest.written()) {
                latest = member;
            }
        }
        return latest == null ? name : latest.name();
    }

    Document toDocument(String key, String owner) {
        List<Document> rows = new ArrayList<>();
        for (Member member : members.values()) {
            rows.add(new Document(CONTACT, member.contact()).append(NAME, member.name()).append(WRITTEN, member.written()));
        }
        return new Document(GraphRows.KEY, key).append(GraphRows.OWNER, owner).append(NAME, name).append(MEMBERS, rows);
    }

    static GraphOrganization of(Document row) {
        GraphOrganization organization = new GraphOrganization(row.getString(NAME));
        for (Document member : row.getList(MEMBERS, Document.class, List.of())) {
            String contact = member.getString(CONTACT);
            organization.members.put(contact, new Member(contact, member.getString(NAME), GraphContact.number(member, WRITTEN)));
        }
        return organization;
    }
}
