package app.rapport.plugin;

import java.time.Instant;
import java.util.List;

/**
 * An informational interview as a plugin sees it.
 *
 * @param status           a name of the API's {@code InterviewStatus}
 * @param purpose          what the owner wants to learn, or null
 * @param meetingStartsAt  when the confirmed meeting starts, or null
 * @param meetingMinutes   how long it is planned to last, or null
 * @param timeZone         the meeting's time zone (an IANA name), or null
 * @param location         where, or the link, or null
 * @param meetingChangedAt when the meeting was last confirmed, moved or called off, or null
 * @param questions        the questions prepared for it
 * @param thanksDueBy      the day thanks are due (a week after the meeting), or null
 * @param thanksSentAt     when thanks were sent, or null
 * @param version          goes up with every change of the interview
 */
public record PluginInterview(String id, String contactId, String status, Instant meetingStartsAt, Integer meetingMinutes,
                              String timeZone, String location, String purpose, Instant meetingChangedAt,
                              List<String> questions, Instant thanksDueBy, Instant thanksSentAt, long version) {

    public PluginInterview {
        questions = List.copyOf(questions);
    }

    /** The first SPI 1 form, without what came later. */
    public PluginInterview(String id, String contactId, String status, Instant meetingStartsAt, Integer meetingMinutes,
                           String timeZone, String location) {
        this(id, contactId, status, meetingStartsAt, meetingMinutes, timeZone, location, null, null, List.of(), null, null, 0);
    }
}
