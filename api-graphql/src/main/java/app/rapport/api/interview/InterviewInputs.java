package app.rapport.api.interview;

import app.rapport.api.contact.ContactInputs.AddContactInput;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.Response;

import java.time.Instant;
import java.util.List;

/** The GraphQL inputs of the interview mutations, as the schema names them. */
final class InterviewInputs {

    private InterviewInputs() {
    }

    record RequestInterviewInput(String id, String contactId, Channel channel, Integer requestedMinutes, String purpose,
                                 String message, Boolean mentionReferrer, Instant requestedAt) {
    }

    record RecordResponseInput(String interviewId, Response response, Instant at, String note) {
    }

    record ConfirmMeetingInput(String interviewId, Instant startsAt, Integer durationMinutes, MeetingFormat format,
                               String location, String timeZone) {
    }

    record RescheduleMeetingInput(String interviewId, Instant startsAt, Integer durationMinutes, String location, String reason) {
    }

    record CancelMeetingInput(String interviewId, String reason, String cancelledBy) {
    }

    record PrepareQuestionsInput(String interviewId, List<String> questions) {
    }

    record AnswerInput(String question, String answer) {
    }

    record RecordNotesInput(String interviewId, Instant heldAt, String summary, List<AnswerInput> answers, String advice,
                            String nextSteps) {
    }

    record RecordReferralInput(String id, String interviewId, String toContactId, AddContactInput newContact,
                               Boolean mayUseName, String note) {
    }

    record SendThanksInput(String interviewId, Instant sentAt, Channel channel, String message) {
    }
}
