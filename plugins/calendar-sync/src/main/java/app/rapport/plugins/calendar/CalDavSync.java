package app.rapport.plugins.calendar;

import app.rapport.plugin.MeetingMove;
import app.rapport.plugin.OutboundAddress;
import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.PluginInterview;
import app.rapport.plugin.Refused;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings one CalDAV calendar and the owner's meetings together: first what changed in the calendar is read and
 * applied to Rapport, then what changed in Rapport is written to the calendar.
 * <p>
 * Only resources Rapport created are read or touched. When both sides changed a meeting since the last sync, the
 * later edit wins: the calendar's {@code LAST-MODIFIED} against the time the meeting last changed in Rapport. A
 * calendar edit that wins is recorded in Rapport as the plugin's reschedule or cancellation, with a reason saying it
 * came from the calendar (and that it replaced a change made in Rapport, when it did); an edit that loses is
 * overwritten and named in the connection's {@code lastConflict}. Nothing is dropped without a trace.
 */
final class CalDavSync {

    private static final String RESOURCE_PREFIX = "rapport-";

    private final IcsCalendar ics;
    private final boolean allowPrivate;
    private final Clock clock;

    CalDavSync(IcsCalendar ics, boolean allowPrivate, Clock clock) {
        this.ics = ics;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
    }

    /** Syncs one connection; its status, time and error say how it went. Never throws for the server's failings. */
    void sync(OwnerNetwork network, CalDavConnection connection, String password) {
        try {
            CalDavClient calendar = new CalDavClient(OutboundAddress.check("url", connection.url, allowPrivate), connection.username, password);
            OwnerMeetings now = OwnerMeetings.of(network);
            Pulled pulled = pull(network, calendar, connection, now.meetings);
            // Read again only when the calendar's edits changed Rapport's meetings.
            OwnerMeetings after = pulled.changedRapport() ? OwnerMeetings.of(network) : now;
            push(network, calendar, connection, after.meetings);
            connection.syncToken = pulled.nextToken();
            connection.status = CalDavConnection.Status.OK;
            connection.lastError = null;
            connection.lastSyncedAt = clock.instant();
        } catch (CalDavClient.CalDavFailure | Refused failure) {
            connection.status = CalDavConnection.Status.FAILING;
            connection.lastError = failure.getMessage();
        }
    }

    // ------------------------------------------------------------------ the calendar's changes into Rapport

    /** What a pull did: the sync token for next time, and whether it changed any of Rapport's meetings. */
    private record Pulled(String nextToken, boolean changedRapport) {
    }

    /** Applies the calendar's changes to Rapport's meetings. */
    private Pulled pull(OwnerNetwork network, CalDavClient calendar, CalDavConnection connection,
                        Map<String, CalendarMeeting> meetings) {
        Map<String, String> byHref = new HashMap<>();
        connection.copies.forEach((interviewId, copy) -> {
            if (!copy.gone()) {
                byHref.put(copy.href(), interviewId);
            }
        });
        Map<String, Optional<String>> changed = new HashMap<>(); // interview id -> new ETag; null ETag: deleted
        String nextToken = null;
        boolean listed = false;
        if (connection.syncToken != null) {
            try {
                CalDavClient.Changes changes = calendar.changesSince(connection.syncToken);
                for (CalDavClient.Listed resource : changes.resources()) {
                    String interviewId = byHref.get(resource.href());
                    CalDavConnection.Copy copy = interviewId == null ? null : connection.copies.get(interviewId);
                    if (copy == null) {
                        continue; // not Rapport's
                    }
                    if (resource.gone()) {
                        changed.put(interviewId, null);
                    } else if (resource.etag() == null || !resource.etag().equals(copy.etag())) {
                        changed.put(interviewId, Optional.ofNullable(resource.etag()));
                    }
                }
                nextToken = changes.nextToken();
                listed = true;
            } catch (CalDavClient.TokenRefused forgotten) {
                connection.syncToken = null;
            }
        }
        if (!listed) {
            // The token first: whatever changes while listing shows up next time.
            nextToken = calendar.syncToken().orElse(null);
            Map<String, String> present = calendar.list();
            for (Map.Entry<String, String> entry : byHref.entrySet()) {
                CalDavConnection.Copy copy = connection.copies.get(entry.getValue());
                if (!present.containsKey(entry.getKey())) {
                    changed.put(entry.getValue(), null);
                } else {
                    String etag = present.get(entry.getKey());
                    if (etag == null || !etag.equals(copy.etag())) {
                        changed.put(entry.getValue(), Optional.ofNullable(etag));
                    }
                }
            }
        }
        boolean changedRapport = false;
        for (Map.Entry<String, Optional<String>> change : changed.entrySet()) {
            CalDavConnection.Copy copy = connection.copies.get(change.getKey());
            Optional<CalDavClient.Resource> resource = change.getValue() == null ? Optional.empty() : calendar.get(copy.href());
            changedRapport |= apply(network, connection, change.getKey(), copy, resource, meetings.get(change.getKey()));
        }
        return new Pulled(nextToken, changedRapport);
    }

    /** One meeting changed (or deleted, when {@code resource} is empty) in the calendar; true when Rapport's changed too. */
    private boolean apply(OwnerNetwork network, CalDavConnection connection, String interviewId, CalDavConnection.Copy copy,
                       Optional<CalDavClient.Resource> resource, CalendarMeeting ours) {
        Optional<IcsCalendar.Copy> theirs = resource.flatMap(found -> readable(found.body()));
        if (resource.isPresent() && theirs.isEmpty()) {
            // Not a meeting any more (edited into something else): Rapport writes its meeting back.
            connection.copies.put(interviewId, copy.withEtag(resource.get().etag()));
            connection.lastConflict = "A meeting in the calendar could no longer be read as one; Rapport wrote it again.";
            return false;
        }
        boolean deleted = resource.isEmpty() || theirs.get().cancelled();
        if (ours == null || ours.cancelled() || deleted && !ours.movable()) {
            // Nothing left to change in Rapport, or a past meeting cleared from the calendar: the calendar's word stands.
            connection.copies.put(interviewId, deleted ? copy.deleted() : copy.withEtag(resource.get().etag()));
            return false;
        }
        if (!deleted && sameMeeting(copy, theirs.get())) {
            connection.copies.put(interviewId, copy.withEtag(resource.get().etag()));
            return false; // an edit Rapport does not keep (an alarm, a colour)
        }
        boolean changedInRapport = !ours.fingerprint().equals(copy.fingerprint());
        Instant editedThere = deleted ? clock.instant() : theirs.get().lastModified();
        if (changedInRapport && (editedThere == null || ours.changedAt() == null || !editedThere.isAfter(ours.changedAt()))) {
            connection.lastConflict = "The calendar's " + (deleted ? "deletion" : "move") + " of \"" + ours.summary()
                                      + "\" was older than the change made in Rapport at " + ours.changedAt()
                                      + "; Rapport's meeting was kept and written back.";
            connection.copies.put(interviewId, deleted ? copy.deleted() : copy.withEtag(resource.get().etag()));
            return false;
        }
        String replaced = changedInRapport ? "; this replaced the change made in Rapport at " + ours.changedAt() : "";
        try {
            if (deleted) {
                network.cancelMeeting(interviewId, (resource.isEmpty() ? "Deleted" : "Cancelled") + " in the calendar" + replaced);
                connection.copies.put(interviewId, copy.deleted());
            } else {
                IcsCalendar.Copy moved = theirs.get();
                PluginInterview after = network.rescheduleMeeting(new MeetingMove(
                        interviewId, moved.startsAt(), moved.minutes(), moved.location() == null ? "" : moved.location(),
                        "Moved in the calendar" + (moved.lastModified() == null ? "" : " at " + moved.lastModified()) + replaced));
                connection.copies.put(interviewId, new CalDavConnection.Copy(copy.href(), resource.get().etag(), copy.fingerprint(),
                                                                             after.meetingStartsAt(), moved.minutes(),
                                                                             moved.location(), false));
            }
            return true;
        } catch (Refused refused) {
            // The interview no longer takes the change (held already, say): Rapport's meeting stands.
            connection.lastConflict = "The calendar's change to \"" + ours.summary() + "\" could not be applied ("
                                      + refused.getMessage() + "); Rapport's meeting was written back.";
            connection.copies.put(interviewId, deleted ? copy.deleted() : copy.withEtag(resource.get().etag()));
            return false;
        }
    }

    private static boolean sameMeeting(CalDavConnection.Copy copy, IcsCalendar.Copy theirs) {
        return theirs.startsAt().equals(copy.startsAt()) && theirs.minutes() == copy.minutes()
               && Objects.equals(CalendarMeeting.blankAsNull(theirs.location()), CalendarMeeting.blankAsNull(copy.location()));
    }

    private Optional<IcsCalendar.Copy> readable(String body) {
        try {
            return ics.read(body);
        } catch (IllegalArgumentException notICalendar) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ Rapport's changes into the calendar

    private void push(OwnerNetwork network, CalDavClient calendar, CalDavConnection connection, Map<String, CalendarMeeting> meetings) {
        for (CalendarMeeting meeting : meetings.values()) {
            CalDavConnection.Copy copy = connection.copies.get(meeting.interviewId());
            if (meeting.cancelled()) {
                if (copy != null && !copy.gone()) {
                    deleteCopy(calendar, copy);
                    connection.copies.put(meeting.interviewId(), copy.deleted());
                }
            } else if (copy == null) {
                String href = calendar.hrefOf(RESOURCE_PREFIX + meeting.interviewId() + ".ics");
                connection.copies.put(meeting.interviewId(), create(calendar, href, meeting));
            } else if (copy.gone() && meeting.movable()) {
                // Deleted in the calendar while Rapport's change was later: written again.
                connection.copies.put(meeting.interviewId(), create(calendar, copy.href(), meeting));
            } else if (!copy.gone() && !copy.fingerprint().equals(meeting.fingerprint())) {
                try {
                    connection.copies.put(meeting.interviewId(), write(calendar, copy.href(), copy.etag(), meeting));
                } catch (CalDavClient.Changed raced) {
                    connection.copies.put(meeting.interviewId(), rewrite(network, calendar, connection, copy, meeting));
                }
            }
        }
        // Interviews erased with a forgotten contact: their copies go too.
        for (Map.Entry<String, CalDavConnection.Copy> entry : List.copyOf(connection.copies.entrySet())) {
            if (!meetings.containsKey(entry.getKey()) && !entry.getValue().gone()) {
                deleteCopy(calendar, entry.getValue());
                connection.copies.remove(entry.getKey());
            }
        }
    }

    /**
     * The calendar changed the meeting between this sync's pull and its push (412): read again, give the calendar's
     * edit its turn under the rule, and write what Rapport then holds over the version just read.
     */
    private CalDavConnection.Copy rewrite(OwnerNetwork network, CalDavClient calendar, CalDavConnection connection,
                                          CalDavConnection.Copy copy, CalendarMeeting meeting) {
        Optional<CalDavClient.Resource> current = calendar.get(copy.href());
        apply(network, connection, meeting.interviewId(), copy, current, meeting);
        CalDavConnection.Copy afterRule = connection.copies.get(meeting.interviewId());
        Optional<CalendarMeeting> now = network.interview(meeting.interviewId()).map(interview -> CalendarMeeting.of(
                network.ownerId(), interview, network.contact(interview.contactId()).orElse(null)));
        if (now.isEmpty() || now.get().cancelled() || afterRule.gone() && !now.get().movable()) {
            if (!afterRule.gone()) {
                deleteCopy(calendar, afterRule);
            }
            return afterRule.deleted();
        }
        return write(calendar, copy.href(), afterRule.gone() ? null : afterRule.etag(), now.get());
    }

    private CalDavConnection.Copy create(CalDavClient calendar, String href, CalendarMeeting meeting) {
        try {
            return write(calendar, href, null, meeting);
        } catch (CalDavClient.Changed alreadyThere) {
            // Rapport's name for it is taken: by an earlier write of this meeting whose answer was lost.
            return write(calendar, href, calendar.get(href).map(CalDavClient.Resource::etag).orElse(null), meeting);
        }
    }

    /** Writes the meeting where the calendar has it as {@code etag}, or where it has none (null). */
    private CalDavConnection.Copy write(CalDavClient calendar, String href, String etag, CalendarMeeting meeting) {
        String newEtag = calendar.put(href, ics.resource(meeting, clock.instant()), etag);
        if (newEtag == null) {
            // No ETag in the answer: read it back, so that the next sync can tell the calendar's edits from ours.
            newEtag = calendar.get(href).map(CalDavClient.Resource::etag).orElse(null);
        }
        return CalDavConnection.Copy.written(href, newEtag, meeting);
    }

    private static void deleteCopy(CalDavClient calendar, CalDavConnection.Copy copy) {
        try {
            calendar.delete(copy.href(), copy.etag());
        } catch (CalDavClient.Changed raced) {
            calendar.delete(copy.href(), null);
        }
    }
}
