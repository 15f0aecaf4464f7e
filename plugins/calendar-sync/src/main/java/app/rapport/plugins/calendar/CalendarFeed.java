package app.rapport.plugins.calendar;

import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.OwnerSettings;
import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The owner's secret feed: {@code /plugins/calendar-sync/feed/<owner id>.<secret>.ics}, for calendar apps, which
 * cannot sign in. The secret is kept encrypted among the owner's settings; a new one ends the old URL at once.
 */
final class CalendarFeed {

    static final String PATH = "feed/";
    private static final String SECRET = "feed-secret";
    private static final Pattern OWNER = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SECRET_FORM = Pattern.compile("[0-9a-f]{64}");

    private final SecureRandom random = new SecureRandom();
    private final IcsCalendar ics;
    private final Clock clock;

    CalendarFeed(IcsCalendar ics, Clock clock) {
        this.ics = ics;
        this.clock = clock;
    }

    /** The owner's feed URL, made on first use. */
    String url(String base, String ownerId, OwnerSettings settings) {
        String secret = settings.secret(SECRET).orElseGet(() -> rotate(settings));
        return base + "/plugins/calendar-sync/" + PATH + ownerId + "." + secret + ".ics";
    }

    /** A new secret: the old URL stops working now. */
    String rotate(OwnerSettings settings) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        settings.putSecret(SECRET, secret);
        return secret;
    }

    /** The owner a feed path belongs to, when its secret is the owner's current one. */
    static Optional<String> owner(String path, java.util.function.Function<String, OwnerSettings> settingsOf) {
        if (!path.startsWith(PATH) || !path.endsWith(".ics")) {
            return Optional.empty();
        }
        String token = path.substring(PATH.length(), path.length() - ".ics".length());
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String owner = token.substring(0, dot);
        String secret = token.substring(dot + 1);
        if (!OWNER.matcher(owner).matches() || !SECRET_FORM.matcher(secret).matches()) {
            return Optional.empty();
        }
        Optional<String> current = settingsOf.apply(owner).secret(SECRET);
        boolean matches = current.isPresent() && MessageDigest.isEqual(current.get().getBytes(StandardCharsets.US_ASCII),
                                                                       secret.getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(owner) : Optional.empty();
    }

    /** The feed's text: every meeting, the thank-you deadlines still open and the follow-ups due. */
    String render(OwnerNetwork network) {
        OwnerMeetings read = OwnerMeetings.of(network);
        List<IcsCalendar.AllDay> days = new ArrayList<>();
        for (PluginInterview interview : read.interviews) {
            if (interview.thanksDueBy() != null && interview.thanksSentAt() == null && "HELD".equals(interview.status())) {
                CalendarMeeting meeting = read.meetings.get(interview.id());
                String name = read.person(interview).map(CalendarMeeting::fullName).orElse("your interviewee");
                LocalDate due = interview.thanksDueBy().atZone(meeting == null ? ZoneOffset.UTC : meeting.zone()).toLocalDate();
                days.add(new IcsCalendar.AllDay(CalendarMeeting.uid("thanks", interview.id(), network.ownerId()), due,
                                                "Thank " + name + " for the informational interview",
                                                "Thanks are due within a week of the meeting; a short, specific note is best."));
            }
        }
        for (PluginContact person : network.followUpsDue()) {
            if (person.nextFollowUpDue() != null) {
                String organization = CalendarMeeting.blankAsNull(person.organization());
                days.add(new IcsCalendar.AllDay(CalendarMeeting.uid("follow-up", person.id(), network.ownerId()),
                                                person.nextFollowUpDue().atZone(ZoneOffset.UTC).toLocalDate(),
                                                "Follow up with " + CalendarMeeting.fullName(person)
                                                + (organization == null ? "" : " (" + organization + ")"),
                                                "Your follow-up cadence with them has come round."));
            }
        }
        return ics.feed(List.copyOf(read.meetings.values()), days, clock.instant());
    }
}
