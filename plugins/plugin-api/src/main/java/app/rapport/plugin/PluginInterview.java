package app.rapport.plugin;

import java.time.Instant;

/**
 * An informational interview as a plugin sees it.
 *
 * @param status         a name of the API's {@code InterviewStatus}
 * @param meetingStartsAt when the confirmed meeting starts, or null
 * @param meetingMinutes  how long it is planned to last, or null
 * @param timeZone        the meeting's time zone (an IANA name), or null
 * @param location        where, or the link, or null
 */
public record PluginInterview(String id, String contactId, String status, Instant meetingStartsAt, Integer meetingMinutes,
                              String timeZone, String location) {
}
