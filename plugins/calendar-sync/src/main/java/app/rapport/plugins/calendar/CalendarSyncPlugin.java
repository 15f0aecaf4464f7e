package app.rapport.plugins.calendar;

import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.EventFollower;
import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.OutboundAddress;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportEvent;
import app.rapport.plugin.RapportPlugin;
import app.rapport.plugin.Refused;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calendar sync: {@code Query.calendarSync}, {@code rotateCalendarFeed}, {@code connectCalDav}, {@code disconnectCalDav}
 * and {@code syncCalendar}; the feed at {@code /plugins/calendar-sync/feed/<token>.ics}. Each owner's CalDAV calendars
 * are synced when their meetings change and every {@code rapport.plugins.calendar-sync.interval} (default one minute),
 * which also picks up edits made in the calendar.
 */
public final class CalendarSyncPlugin implements RapportPlugin {

    static final String ID = "calendar-sync";
    private static final Logger LOG = Logger.getLogger(CalendarSyncPlugin.class.getName());

    /** The events that change what a calendar shows. */
    private static final Set<String> SHOWN = Set.of("MeetingConfirmed", "MeetingRescheduled", "MeetingCancelled",
                                                    "QuestionsPrepared", "NotesRecorded", "ThanksSent", "ContactUpdated",
                                                    "ContactsMerged", "ContactForgotten");

    private static final String SCHEMA = """
            "Confirmed informational interviews in the owner's calendars."
            type CalendarSync {
              "The secret feed any calendar app can subscribe to; keep it private. rotateCalendarFeed ends it."
              feedUrl: String!
              "The CalDAV calendars Rapport keeps in step with the owner's meetings."
              connections: [CalDavConnection!]!
            }

            enum CalDavStatus { NOT_SYNCED_YET OK FAILING }

            "A CalDAV calendar collection Rapport writes meetings to and reads moves from. The password is never shown."
            type CalDavConnection {
              id: ID!
              url: String!
              username: String!
              status: CalDavStatus!
              lastSyncedAt: DateTime
              "What went wrong in the last sync, in words; null when it went well."
              lastError: String
              "The last time both sides changed a meeting: which change was kept."
              lastConflict: String
            }

            extend type Query {
              calendarSync: CalendarSync!
            }

            extend type Mutation {
              "A new secret feed URL; the old one stops working at once."
              rotateCalendarFeed: String!
              "Connects a CalDAV calendar collection (e.g. https://host/dav/calendars/me/interviews/) and syncs it."
              connectCalDav(url: String!, username: String!, password: String!): CalDavConnection!
              disconnectCalDav(id: ID!): Boolean!
              "Syncs every connected calendar now; returns when done."
              syncCalendar: [CalDavConnection!]!
            }
            """;

    private final Clock clock;
    private final IcsCalendar ics = new IcsCalendar();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Object> ownerLocks = new ConcurrentHashMap<>();
    private PluginContext context;
    private CalendarFeed feed;
    private CalDavSync sync;
    private boolean allowPrivate;

    public CalendarSyncPlugin() {
        this(Clock.systemUTC());
    }

    CalendarSyncPlugin(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Calendar sync", "1.0.0", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
        this.allowPrivate = context.property("allow-private-addresses").map(Boolean::parseBoolean).orElse(false);
        this.feed = new CalendarFeed(ics, clock);
        this.sync = new CalDavSync(ics, allowPrivate, clock);
        Duration interval = context.property("interval").map(CalendarSyncPlugin::duration).orElse(Duration.ofMinutes(1));

        context.endpoint(new Endpoint("GET", CalendarFeed.PATH + "*", true, request -> {
            Optional<String> owner = CalendarFeed.owner(request.path(), context::settings);
            if (owner.isEmpty()) {
                return EndpointResponse.error(404, null, "no such feed: it may have been replaced by a new one");
            }
            byte[] body = feed.render(context.owner(owner.get())).getBytes(StandardCharsets.UTF_8);
            return new EndpointResponse(200, "text/calendar; charset=utf-8", body,
                                        Map.of("Cache-Control", "private, no-cache", "Content-Disposition", "inline; filename=\"rapport.ics\""));
        }));
        context.follow(new EventFollower() {
            @Override
            public void on(RapportEvent event) {
                if (event.ownerId() != null && !connections(event.ownerId()).all().isEmpty()
                    && concernsAMeeting(event)) {
                    List<CalDavConnection> synced = syncOwner(event.ownerId());
                    Optional<CalDavConnection> failed = synced.stream().filter(c -> c.status == CalDavConnection.Status.FAILING).findFirst();
                    if (failed.isPresent()) {
                        throw new IllegalStateException("calendar " + failed.get().id + ": " + failed.get().lastError);
                    }
                }
            }

            /** Only owners with a connected calendar: the feed is drawn when asked for, not kept. */
            @Override
            public boolean follows(String eventType, String ownerId) {
                return SHOWN.contains(eventType) && !connections(ownerId).all().isEmpty();
            }
        });
        context.every(interval, this::syncEveryone);
        context.graphQl(new GraphQlFields(SCHEMA, Map.of(
                "Query.calendarSync", call -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("feedUrl", feed.url(context.publicUrl(), call.ownerId(), context.settings(call.ownerId())));
                    answer.put("connections", shown(connections(call.ownerId()).all()));
                    return answer;
                },
                "Mutation.rotateCalendarFeed", call -> {
                    feed.rotate(context.settings(call.ownerId()));
                    return feed.url(context.publicUrl(), call.ownerId(), context.settings(call.ownerId()));
                },
                "Mutation.connectCalDav", call -> connect(call.ownerId(), (String) call.arguments().get("url"),
                                                          (String) call.arguments().get("username"),
                                                          (String) call.arguments().get("password")),
                "Mutation.disconnectCalDav", call -> {
                    synchronized (lock(call.ownerId())) {
                        return connections(call.ownerId()).remove((String) call.arguments().get("id"));
                    }
                },
                "Mutation.syncCalendar", call -> shown(syncOwner(call.ownerId())))));
    }

    /**
     * Whether the event changes what a calendar shows: an interview's step does; a change of a person only when they
     * have a meeting (an import updating thousands of people syncs nothing), a forgotten person always.
     */
    private boolean concernsAMeeting(RapportEvent event) {
        if (event.interviewId() != null || "ContactForgotten".equals(event.type()) || event.contactId() == null) {
            return true;
        }
        return context.owner(event.ownerId()).interviewsOf(event.contactId()).stream()
                      .anyMatch(interview -> interview.meetingStartsAt() != null);
    }

    private Map<String, Object> connect(String ownerId, String url, String username, String password) {
        if (username == null || username.isBlank()) {
            throw new Refused("username", "username must not be blank");
        }
        if (password == null || password.isEmpty()) {
            throw new Refused("password", "password must not be empty");
        }
        CalDavClient calendar = new CalDavClient(OutboundAddress.check("url", url, allowPrivate), username.strip(), password);
        try {
            calendar.checkCalendar();
        } catch (CalDavClient.CalDavFailure refused) {
            String field = refused.getMessage().contains("user name or password") ? "password" : "url";
            throw new Refused(field, refused.getMessage());
        }
        byte[] id = new byte[6];
        random.nextBytes(id);
        CalDavConnection connection = new CalDavConnection(HexFormat.of().formatHex(id), calendar.collection().toString(), username.strip());
        synchronized (lock(ownerId)) {
            CalDavConnections stored = connections(ownerId);
            stored.add(connection, password);
            sync.sync(context.owner(ownerId), connection, password);
            stored.save(connection);
        }
        return connection.shown();
    }

    /** Syncs the owner's calendars, one owner at a time (a scheduled sync, an event and a click may meet). */
    private List<CalDavConnection> syncOwner(String ownerId) {
        synchronized (lock(ownerId)) {
            CalDavConnections stored = connections(ownerId);
            List<CalDavConnection> all = stored.all();
            for (CalDavConnection connection : all) {
                String password;
                try {
                    password = stored.password(connection);
                } catch (CalDavClient.CalDavFailure missing) {
                    connection.status = CalDavConnection.Status.FAILING;
                    connection.lastError = missing.getMessage();
                    stored.save(connection);
                    continue;
                }
                sync.sync(context.owner(ownerId), connection, password);
                stored.save(connection);
            }
            return all;
        }
    }

    private void syncEveryone() {
        for (String ownerId : context.ownersWithSettings()) {
            try {
                syncOwner(ownerId).stream().filter(c -> c.status == CalDavConnection.Status.FAILING).forEach(failed ->
                        LOG.info(() -> "Calendar sync: connection " + failed.id + " of an owner failed: " + failed.lastError));
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "Calendar sync failed for an owner; it is tried again at the next interval", unexpected);
            }
        }
    }

    private CalDavConnections connections(String ownerId) {
        return new CalDavConnections(context.settings(ownerId));
    }

    private Object lock(String ownerId) {
        return ownerLocks.computeIfAbsent(ownerId, owner -> new Object());
    }

    private static List<Map<String, Object>> shown(List<CalDavConnection> connections) {
        return connections.stream().map(CalDavConnection::shown).toList();
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text.startsWith("P") ? text : "PT" + text.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException unreadable) {
            throw new IllegalArgumentException("rapport.plugins.calendar-sync.interval must be a duration such as 1m, 30s or PT5M, was " + text);
        }
    }
}
