package app.rapport.api.interview;

import app.rapport.api.contact.ContactInputs.AddContactInput;
import app.rapport.api.shared.Ids;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.RecordNotes;
import app.rapport.domain.interview.RequestInterview;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
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

        RequestInterview toCommand(OwnerId owner) {
            InterviewId interview = id == null ? InterviewId.generate(owner) : Ids.interview(owner, id, "id");
            return new RequestInterview(interview, Ids.contact(owner, contactId, "contactId"), channel, requestedMinutes,
                                        purpose, message, Boolean.TRUE.equals(mentionReferrer), requestedAt);
        }
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

        RecordNotes toCommand(InterviewId interview) {
            List<Answer> given = answers == null ? List.of()
                    : answers.stream().map(answer -> new Answer(answer.question(), answer.answer())).toList();
            return new RecordNotes(interview, heldAt, summary, given, advice, nextSteps);
        }
    }

    record RecordReferralInput(String id, String interviewId, String toContactId, AddContactInput newContact,
                               Boolean mayUseName, String note) {
    }

    record SendThanksInput(String interviewId, Instant sentAt, Channel channel, String message) {
    }
}
