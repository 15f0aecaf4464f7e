package app.rapport.plugin;

import java.time.Instant;

/**
 * Moves a scheduled meeting, as {@code rescheduleMeeting} does in the API.
 *
 * @param minutes  the new length, or null to keep it
 * @param location the new place or link, or null to keep it ("" clears it)
 * @param reason   why, shown in the relationship's history; or null
 */
public record MeetingMove(String interviewId, Instant startsAt, Integer minutes, String location, String reason) {
}
