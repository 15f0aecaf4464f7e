package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;

import java.time.Instant;
import java.util.Map;

/**
 * One step in the history of a relationship.
 *
 * @param sequence    its position in this relationship's history: 1, 2, 3…
 * @param at          when the event was stored
 * @param happenedAt  when the step was taken, where the event says (a request sent, an answer, a meeting held,
 *                    thanks sent, a touch), else null
 * @param type        the event's name, e.g. {@code MeetingConfirmed}
 * @param summary     one sentence a person reads
 * @param actor       who caused it: {@code user:<id>}, {@code plugin:<id>}, or {@code system}
 * @param interviewId the interview the step belongs to, or null
 * @param data        the event's payload as plain data (maps, lists, texts, numbers, flags)
 */
public record HistoryEntryView(
        ContactId contactId,
        long sequence,
        Instant at,
        Instant happenedAt,
        String type,
        String summary,
        String actor,
        InterviewId interviewId,
        Map<String, Object> data) {
}
