package app.rapport.api.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The GraphQL documents the workflow tests send, asking for everything a client shows after each step. */
final class Documents {

    private static final String CONTACT_FIELDS = """
            fragment ContactFields on Contact {
              id givenName familyName displayName salutation title organization emails source sourceDetail tags
              stage archived lastTouchAt nextFollowUpDue followUpEveryDays
              referredBy { id }
              referrals { id }
              interviews { id status }
            }
            """;

    private static final String INTERVIEW_FIELDS = """
            fragment InterviewFields on Interview {
              id status purpose channel requestedMinutes requestedAt respondedAt questions
              thanksSentAt thanksDueBy thanksOverdue
              meeting { startsAt durationMinutes format location timeZone }
              notes { heldAt summary advice nextSteps answers { question answer } }
              referrals { id mayUseName note from { id } to { id } }
              contact { id stage lastTouchAt }
            }
            """;

    private static final String REFERRAL_FIELDS = """
            fragment ReferralFields on Referral {
              id mayUseName note
              interview { id referrals { id } }
              from { id givenName }
              to { id givenName organization source stage referredBy { id } }
            }
            """;

    static final String ADD_CONTACT = "mutation($input: AddContactInput!) { addContact(input: $input) { ...ContactFields } }\n"
            + CONTACT_FIELDS;
    static final String UPDATE_CONTACT = "mutation($input: UpdateContactInput!) { updateContact(input: $input) { ...ContactFields } }\n"
            + CONTACT_FIELDS;
    static final String LOG_TOUCH = "mutation($input: LogTouchInput!) { logTouch(input: $input) { ...ContactFields } }\n"
            + CONTACT_FIELDS;
    static final String SET_FOLLOW_UP_CADENCE = """
            mutation($contactId: ID!, $everyDays: Int) {
              setFollowUpCadence(contactId: $contactId, everyDays: $everyDays) { ...ContactFields }
            }
            """ + CONTACT_FIELDS;
    static final String FORGET_CONTACT = "mutation($id: ID!) { forgetContact(id: $id) }";
    static final String CONTACT = "query($id: ID!) { contact(id: $id) { ...ContactFields } }\n" + CONTACT_FIELDS;

    static final String REQUEST_INTERVIEW = "mutation($input: RequestInterviewInput!) { requestInterview(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String RECORD_RESPONSE = "mutation($input: RecordResponseInput!) { recordResponse(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String CONFIRM_MEETING = "mutation($input: ConfirmMeetingInput!) { confirmMeeting(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String PREPARE_QUESTIONS = "mutation($input: PrepareQuestionsInput!) { prepareQuestions(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String RECORD_NOTES = "mutation($input: RecordNotesInput!) { recordNotes(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String SEND_THANKS = "mutation($input: SendThanksInput!) { sendThanks(input: $input) { ...InterviewFields } }\n"
            + INTERVIEW_FIELDS;
    static final String RECORD_REFERRAL = "mutation($input: RecordReferralInput!) { recordReferral(input: $input) { ...ReferralFields } }\n"
            + REFERRAL_FIELDS;
    static final String INTERVIEW = "query($id: ID!) { interview(id: $id) { ...InterviewFields } }\n" + INTERVIEW_FIELDS;

    private Documents() {
    }

    /** Variables {@code {input: {…}}} from alternating names and values. */
    static Map<String, Object> input(Object... namesAndValues) {
        return Map.of("input", fields(namesAndValues));
    }

    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A DateTime as the server writes it (UTC, seconds left out when zero), read back as an instant. */
    static Instant instant(JsonNode dateTime) {
        return dateTime == null || dateTime.isNull() || dateTime.isMissingNode() ? null : OffsetDateTime.parse(dateTime.asText()).toInstant();
    }
}
