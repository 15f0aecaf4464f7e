package app.rapport.application.overview;

import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InterviewId;

import java.util.List;

/**
 * Where the owner's networking stands, at one moment. Each list is in the order to show it and holds at most
 * {@link #MAX_LISTED} ids (the most pressing ones); load them with {@code FindInterviews} / {@code FindContacts}.
 *
 * @param contacts              the contacts listed (not archived, not forgotten)
 * @param byStage               every stage, in the enum's order, with how many of those contacts are at it
 * @param upcomingMeetingIds    scheduled meetings starting from now to {@link Dashboards#UPCOMING} ahead, soonest first
 * @param thanksDueIds          held meetings not yet thanked for, earliest deadline first (overdue ones lead)
 * @param followUpDueIds        contacts whose next follow-up date has come, the longest due first
 * @param awaitingResponseIds   requests with no answer recorded (status REQUESTED), the oldest first
 * @param responseRate          requests answered (accepted or declined) ÷ requests made; null when none were made
 * @param referralsPerInterview referrals received in held meetings ÷ meetings held; null when none was held
 */
public record DashboardView(
        int contacts,
        List<StageCount> byStage,
        List<InterviewId> upcomingMeetingIds,
        List<InterviewId> thanksDueIds,
        List<ContactId> followUpDueIds,
        List<InterviewId> awaitingResponseIds,
        Double responseRate,
        Double referralsPerInterview) {

    public static final int MAX_LISTED = 200;

    public DashboardView {
        byStage = List.copyOf(byStage);
        upcomingMeetingIds = List.copyOf(upcomingMeetingIds);
        thanksDueIds = List.copyOf(thanksDueIds);
        followUpDueIds = List.copyOf(followUpDueIds);
        awaitingResponseIds = List.copyOf(awaitingResponseIds);
    }

    public record StageCount(RelationshipStage stage, int count) {
    }
}
