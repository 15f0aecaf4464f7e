package app.rapport.plugins.calendar;

import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One interview's meeting as it appears in a calendar: what the feed and a CalDAV resource both show.
 *
 * @param sequence  goes up whenever what is shown changes (the interview's and the person's versions together)
 * @param movable   still to come, so it can be moved or called off (scheduled, not yet held)
 * @param changedAt when the meeting was last confirmed, moved or called off in Rapport
 */
record CalendarMeeting(String interviewId, String uid, long sequence, Instant startsAt, int minutes, ZoneId zone,
                       String location, String summary, String description, boolean cancelled, boolean movable,
                       Instant changedAt) {

    static final int DEFAULT_MINUTES = 30;

    /** The meeting of {@code interview}, or null when none was ever set. */
    static CalendarMeeting of(String ownerId, PluginInterview interview, PluginContact person) {
        if (interview.meetingStartsAt() == null) {
            return null;
        }
        String name = person == null ? "a contact" : fullName(person);
        String organization = person == null ? null : blankAsNull(person.organization());
        String summary = "Informational interview: " + name + (organization == null ? "" : " (" + organization + ")");
        return new CalendarMeeting(interview.id(), uid("interview", interview.id(), ownerId),
                                   interview.version() + (person == null ? 0 : person.version()),
                                   interview.meetingStartsAt(),
                                   interview.meetingMinutes() == null ? DEFAULT_MINUTES : interview.meetingMinutes(),
                                   zone(interview.timeZone()), blankAsNull(interview.location()), summary,
                                   description(interview, person), "CANCELLED".equals(interview.status()),
                                   "SCHEDULED".equals(interview.status()), interview.meetingChangedAt());
    }

    /** A UID that stays the same for ever for one thing of one owner, and differs from every other owner's. */
    static String uid(String kind, String id, String ownerId) {
        return kind + "-" + id + "." + ownerId + "@rapport";
    }

    /** What a calendar copy is compared with: everything shown but the stamps. */
    String fingerprint() {
        String shown = String.join("\u0000", startsAt.toString(), Integer.toString(minutes), zone.getId(),
                                   String.valueOf(location), summary, description, Boolean.toString(cancelled));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(shown.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    Instant endsAt() {
        return startsAt.plusSeconds(60L * minutes);
    }

    static String fullName(PluginContact person) {
        String given = blankAsNull(person.givenName());
        String family = blankAsNull(person.familyName());
        String name = given == null ? family : family == null ? given : given + " " + family;
        return name == null ? "a contact" : name;
    }

    private static String description(PluginInterview interview, PluginContact person) {
        List<String> lines = new ArrayList<>();
        if (person != null) {
            String role = join(blankAsNull(person.title()), blankAsNull(person.organization()), " at ");
            if (role != null) {
                lines.add(role);
            }
            String found = person.source() == null ? null : person.source().toLowerCase(Locale.ROOT).replace('_', ' ');
            String how = join(found, blankAsNull(person.sourceDetail()), ": ");
            if (how != null) {
                lines.add("Found through " + how);
            }
        }
        if (blankAsNull(interview.purpose()) != null) {
            lines.add("To learn: " + interview.purpose().strip());
        }
        if (!interview.questions().isEmpty()) {
            lines.add("");
            lines.add("Questions:");
            interview.questions().forEach(question -> lines.add("- " + question));
        }
        return String.join("\n", lines);
    }

    private static String join(String first, String second, String between) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + between + second;
    }

    private static ZoneId zone(String name) {
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
