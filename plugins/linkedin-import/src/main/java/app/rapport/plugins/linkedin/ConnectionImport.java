package app.rapport.plugins.linkedin;

import app.rapport.plugin.Busy;
import app.rapport.plugin.ContactChanges;
import app.rapport.plugin.ContactOutcome;
import app.rapport.plugin.Job;
import app.rapport.plugin.NewContact;
import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.PluginContact;
import app.rapport.plugin.Refused;
import app.rapport.plugin.Touch;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports one export into one owner's network. Each connection becomes a contact (source {@code LINKEDIN}, joined on
 * its connection date) or, when the owner knows the person already, updates what changed in their position, company,
 * email and profile URL; names the owner may have corrected are left alone. New contacts are added in batches. Then
 * the latest message and invitation with each contact is logged as a touch, once: a touch not later than the
 * contact's last one is not logged again, so importing the same export twice changes nothing.
 * <p>
 * A row that cannot be imported fails alone, with its line; the rest goes on.
 */
final class ConnectionImport {

    /**
     * Contacts added per write. The views apply a write's events before anyone's later write shows, so a smaller batch
     * keeps other users' mutations from waiting behind the import; larger ones barely speed the import up.
     */
    static final int BATCH = 100;

    static final Set<String> CONNECTIONS_HEADER = Set.of("first name", "last name");
    private static final Set<String> MESSAGES_HEADER = Set.of("sender profile url", "recipient profile urls", "date");
    private static final Set<String> INVITATIONS_HEADER = Set.of("inviterprofileurl", "inviteeprofileurl", "sent at");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OwnerNetwork network;
    private final Job job;
    private final KnownPeople known = new KnownPeople();
    private final Map<String, NewContact> pending = new LinkedHashMap<>();
    private final Map<String, Integer> pendingLines = new HashMap<>();
    private final String idPrefix = idPrefix();
    private int added;
    private int created;
    private int updated;
    private int skipped;
    private int failed;

    ConnectionImport(OwnerNetwork network, Job job) {
        this.network = network;
        this.job = job;
    }

    void run(Export export) throws IOException, InterruptedException {
        network.eachContact(known::add);
        CsvTable.read(export.connections(), "connections export", CONNECTIONS_HEADER, this::importRow);
        flush();
        report();
        Map<String, Touch> touches = new HashMap<>();
        if (export.messages() != null) {
            CsvTable.read(export.messages(), "messages file", MESSAGES_HEADER, row ->
                    latest(touches, row.get("date"), "Message on LinkedIn",
                           row.get("sender profile url"), row.get("recipient profile urls")));
        }
        if (export.invitations() != null) {
            CsvTable.read(export.invitations(), "invitations file", INVITATIONS_HEADER, row ->
                    latest(touches, row.get("sent at"), "Invitation on LinkedIn",
                           row.get("inviterprofileurl"), row.get("inviteeprofileurl")));
        }
        for (Touch touch : touches.values()) {
            logTouch(touch);
        }
    }

    private void importRow(CsvTable.Row row) {
        try {
            Connection connection = Connection.of(row);
            PluginContact existing = known.find(connection.slug(), connection.email(), connection.givenName(),
                                                connection.familyName(), connection.company());
            if (existing == null) {
                add(connection, row.line());
            } else if (pending.containsKey(existing.id())) {
                skipped++; // listed twice in the file: the first row stands
            } else {
                update(existing, connection);
            }
        } catch (Refused refused) {
            fail(row.line(), refused);
        }
        if (created + updated + skipped + failed >= BATCH) {
            report();
        }
    }

    private void add(Connection connection, int line) {
        NewContact contact = new NewContact(nextId(), connection.givenName(), connection.familyName(),
                                            connection.position(), connection.company(),
                                            connection.email() == null ? List.of() : List.of(connection.email()),
                                            connection.slug() == null ? null : ProfileUrls.canonical(connection.slug()),
                                            "LINKEDIN", null, List.of(), connection.connectedOn());
        pending.put(contact.id(), contact);
        pendingLines.put(contact.id(), line);
        known.add(new PluginContact(contact.id(), contact.givenName(), contact.familyName(), contact.title(),
                                    contact.organization(), contact.emails(), List.of(), contact.linkedinUrl(), "LINKEDIN",
                                    null, List.of(), connection.connectedOn(), null));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private void update(PluginContact existing, Connection connection) {
        String title = changed(connection.position(), existing.title());
        String organization = changed(connection.company(), existing.organization());
        List<String> emails = null;
        if (connection.email() != null && existing.emails().stream().noneMatch(connection.email()::equalsIgnoreCase)) {
            List<String> more = new ArrayList<>(existing.emails());
            more.add(connection.email());
            emails = List.copyOf(more);
        }
        List<String> newEmails = emails;
        String linkedinUrl = existing.linkedinUrl() == null && connection.slug() != null ? ProfileUrls.canonical(connection.slug()) : null;
        if (title == null && organization == null && emails == null && linkedinUrl == null) {
            skipped++;
            return;
        }
        PluginContact now = patiently(() -> network.updateContact(
                new ContactChanges(existing.id(), null, null, title, organization, newEmails, linkedinUrl, null)));
        known.add(now);
        updated++;
    }

    /** The file's value when it differs from the contact's; null when it is blank or the same. */
    private static String changed(String fromFile, String current) {
        return fromFile == null || fromFile.equals(current) ? null : fromFile;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<ContactOutcome> outcomes = patiently(() -> network.addContacts(List.copyOf(pending.values())));
        for (ContactOutcome outcome : outcomes) {
            switch (outcome.result()) {
                case ADDED -> created++;
                case ALREADY_THERE -> skipped++;
                case REFUSED -> {
                    failed++;
                    job.error(pendingLines.get(outcome.contactId()), describe(outcome.field(), outcome.message()));
                }
            }
        }
        pending.clear();
        pendingLines.clear();
        report();
    }

    private void latest(Map<String, Touch> touches, String date, String note, String... profileUrls) {
        Instant at = date == null ? null : LinkedInDates.parse(date);
        if (at == null) {
            return; // a message without a readable date says nothing about when they were last in touch
        }
        for (String urls : profileUrls) {
            if (urls == null) {
                continue;
            }
            for (String url : urls.split("[,;\\s]+")) {
                PluginContact contact = known.bySlug(ProfileUrls.slug(url));
                if (contact != null) {
                    touches.merge(contact.id(), new Touch(contact.id(), at, "LINKEDIN", note),
                                  (first, second) -> first.at().isAfter(second.at()) ? first : second);
                }
            }
        }
    }

    private void logTouch(Touch touch) {
        try {
            PluginContact current = network.contact(touch.contactId()).orElse(null);
            if (current == null || (current.lastTouchAt() != null && !current.lastTouchAt().isBefore(touch.at()))) {
                return;
            }
            patiently(() -> network.logTouch(touch));
        } catch (Refused refused) {
            // a touch that cannot be logged (a date in the future) leaves the contact as it was
        }
    }

    private void fail(int line, Refused refused) {
        failed++;
        job.error(line, describe(refused.field(), refused.getMessage()));
    }

    private void report() {
        job.count(created, updated, skipped, failed);
        created = updated = skipped = failed = 0;
    }

    private static String describe(String field, String message) {
        return field == null ? message : Connection.column(field) + ": " + message;
    }

    /** Waits its turn when the owner's writes are busy, then tries again. */
    private static <T> T patiently(java.util.function.Supplier<T> write) {
        for (int tries = 1; ; tries++) {
            try {
                return write.get();
            } catch (Busy busy) {
                if (tries >= 20) {
                    throw busy;
                }
                try {
                    Thread.sleep(Math.max(100, busy.retryAfter().toMillis()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }

    /**
     * The next new contact's id. The store keeps an owner's rows in the order of their ids, and writes back every page
     * a commit changed: ids in the order the rows come, behind a prefix of this import's own, put each write's new
     * contacts side by side instead of scattered over the whole network, so an import of 10,000 writes a fraction of
     * the pages that ids from a hash did, and the cost per contact does not grow with the network (docs/performance.md).
     * The prefix is the moment the import started and a random part, so two imports never meet.
     */
    private String nextId() {
        return idPrefix + String.format("%07d", ++added);
    }

    private static String idPrefix() {
        return "linkedin-" + base36(System.currentTimeMillis(), 9) + "-" + base36(RANDOM.nextInt(36 * 36 * 36 * 36), 4) + "-";
    }

    private static String base36(long value, int width) {
        String digits = Long.toString(value, 36);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static int count(Path connections) throws IOException {
        return CsvTable.read(connections, "connections export", CONNECTIONS_HEADER, row -> { });
    }
}
