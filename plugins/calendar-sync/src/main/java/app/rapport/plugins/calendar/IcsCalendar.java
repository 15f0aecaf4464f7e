package app.rapport.plugins.calendar;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 5545 text for meetings and reminders, written and read with ical4j: CRLF line ends, lines folded at 75 octets,
 * texts escaped, each zone used with its VTIMEZONE.
 */
final class IcsCalendar {

    static final String PRODUCT = "-//Rapport//Calendar sync 1.0//EN";
    static final Duration REMINDER_BEFORE = Duration.ofMinutes(15);

    /** An all-day item: a thank-you deadline or a follow-up. */
    record AllDay(String uid, LocalDate day, String summary, String description) {
    }

    /** What a calendar holds for one meeting, read back from it. */
    record Copy(String uid, Instant startsAt, int minutes, String location, boolean cancelled, Instant lastModified) {
    }

    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** The whole feed: every meeting (called-off ones marked so) and the all-day items. */
    String feed(List<CalendarMeeting> meetings, List<AllDay> days, Instant now) {
        Calendar calendar = calendar();
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", "Rapport: informational interviews"));
        Map<String, VTimeZone> used = new LinkedHashMap<>();
        for (CalendarMeeting meeting : meetings) {
            zone(meeting.zone()).ifPresent(zone -> used.putIfAbsent(meeting.zone().getId(), zone));
        }
        used.values().forEach(calendar::add);
        meetings.forEach(meeting -> calendar.add(event(meeting, now)));
        for (AllDay day : days) {
            VEvent item = new VEvent(day.day(), day.day().plusDays(1), day.summary());
            item.add(new Uid(day.uid()));
            item.replace(new DtStamp(now));
            item.add(new Description(day.description()));
            calendar.add(item);
        }
        return text(calendar);
    }

    /** One meeting as a CalDAV resource: its VTIMEZONE and its VEVENT, no METHOD (RFC 4791 §4.1). */
    String resource(CalendarMeeting meeting, Instant now) {
        Calendar calendar = calendar();
        zone(meeting.zone()).ifPresent(calendar::add);
        calendar.add(event(meeting, now));
        return text(calendar);
    }

    /**
     * The meeting a calendar resource holds, as the calendar shows it now; empty when it holds no event with a start.
     *
     * @throws IllegalArgumentException when the text is not iCalendar
     */
    Optional<Copy> read(String ics) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException notICalendar) {
            throw new IllegalArgumentException("not iCalendar: " + notICalendar.getMessage(), notICalendar);
        }
        Optional<VEvent> found = calendar.<VEvent>getComponents(VEvent.VEVENT).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VEvent event = found.get();
        Optional<Instant> start = event.<DtStart<Temporal>>getProperty(Property.DTSTART).map(property -> instant(property.getDate()));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Instant end = event.<DtEnd<Temporal>>getProperty(Property.DTEND).map(property -> instant(property.getDate()))
                           .or(() -> event.<net.fortuna.ical4j.model.property.Duration>getProperty(Property.DURATION)
                                          .map(duration -> start.get().plus(duration.getDuration())))
                           .orElse(start.get());
        int minutes = (int) Math.max(1, Duration.between(start.get(), end).toMinutes());
        String location = event.getProperty(Property.LOCATION).map(Property::getValue).orElse(null);
        boolean cancelled = event.getProperty(Property.STATUS).map(status -> "CANCELLED".equalsIgnoreCase(status.getValue())).orElse(false);
        Instant modified = event.<LastModified>getProperty(Property.LAST_MODIFIED).map(LastModified::getDate)
                                .or(() -> event.<DtStamp>getProperty(Property.DTSTAMP).map(DtStamp::getDate))
                                .orElse(null);
        String uid = event.getProperty(Property.UID).map(Property::getValue).orElse(null);
        return Optional.of(new Copy(uid, start.get(), minutes, location, cancelled, modified));
    }

    private VEvent event(CalendarMeeting meeting, Instant now) {
        VEvent event = new VEvent(at(meeting.startsAt(), meeting.zone()), at(meeting.endsAt(), meeting.zone()), meeting.summary());
        event.add(new Uid(meeting.uid()));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, meeting.sequence())));
        event.replace(new DtStamp(now));
        if (meeting.changedAt() != null) {
            event.add(new LastModified(meeting.changedAt()));
        }
        if (meeting.location() != null) {
            event.add(new Location(meeting.location()));
            link(meeting.location()).ifPresent(event::add);
        }
        if (!meeting.description().isEmpty()) {
            event.add(new Description(meeting.description()));
        }
        event.add(meeting.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (!meeting.cancelled()) {
            VAlarm reminder = new VAlarm(REMINDER_BEFORE.negated());
            reminder.add(ImmutableAction.DISPLAY);
            reminder.add(new Description(meeting.summary()));
            event.add(reminder);
        }
        return event;
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    /** In the meeting's zone, so that calendars show it at the time agreed even across a change of daylight time. */
    private static Temporal at(Instant instant, ZoneId zone) {
        return zone instanceof ZoneOffset ? instant : instant.atZone(zone);
    }

    private Optional<VTimeZone> zone(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return Optional.empty();
        }
        net.fortuna.ical4j.model.TimeZone known = zones.getTimeZone(zone.getId());
        return Optional.ofNullable(known).map(net.fortuna.ical4j.model.TimeZone::getVTimeZone);
    }

    private static Optional<Url> link(String location) {
        String trimmed = location.strip();
        if (!trimmed.startsWith("https://") && !trimmed.startsWith("http://")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Url(new URI(trimmed)));
        } catch (URISyntaxException notALink) {
            return Optional.empty();
        }
    }

    private static Instant instant(Temporal value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime floating) {
            return floating.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate day) {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        throw new IllegalArgumentException("a date the calendar sync cannot read: " + value);
    }

    private static String text(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }
}
