package app.rapport.application.overview;

import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.interview.InterviewStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Computes an owner's {@link DashboardView} from their index at a moment; see the view for what each figure means. */
final class Dashboards {

    /** How far ahead meetings count as upcoming. */
    static final Duration UPCOMING = Duration.ofDays(14);

    private Dashboards() {
    }

    /** From the figures the index keeps ready, and its interviews, which are few next to its contacts. */
    static DashboardView of(OwnerIndex index, Instant now) {
        Map<RelationshipStage, Integer> counted = index.byStage(now);
        List<DashboardView.StageCount> byStage = Arrays.stream(RelationshipStage.values())
                .map(stage -> new DashboardView.StageCount(stage, counted.getOrDefault(stage, 0)))
                .toList();

        List<IndexedInterview> interviews = index.interviews();
        Instant horizon = now.plus(UPCOMING);
        List<IndexedInterview> upcoming = interviews.stream()
                .filter(interview -> interview.status() == InterviewStatus.SCHEDULED && interview.meetingStartsAt() != null)
                .filter(interview -> !interview.meetingStartsAt().isBefore(now) && interview.meetingStartsAt().isBefore(horizon))
                .sorted(Comparator.comparing(IndexedInterview::meetingStartsAt).thenComparing(interview -> interview.id().value()))
                .toList();
        List<IndexedInterview> thanksDue = interviews.stream()
                .filter(interview -> interview.status() == InterviewStatus.HELD && interview.thanksSentAt() == null)
                .sorted(Comparator.comparing(IndexedInterview::thanksDueBy, Comparator.nullsLast(Comparator.naturalOrder()))
                                  .thenComparing(interview -> interview.id().value()))
                .toList();
        List<IndexedInterview> awaiting = interviews.stream()
                .filter(interview -> interview.status() == InterviewStatus.REQUESTED)
                .sorted(Comparator.comparing(IndexedInterview::requestedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                                  .thenComparing(interview -> interview.id().value()))
                .toList();

        long answered = interviews.stream().filter(IndexedInterview::answered).count();
        List<IndexedInterview> held = interviews.stream().filter(IndexedInterview::held).toList();
        long referrals = held.stream().mapToLong(interview -> interview.referralContacts().size()).sum();

        return new DashboardView(index.listedCount(), byStage,
                                 first(upcoming.stream().map(IndexedInterview::id).toList()),
                                 first(thanksDue.stream().map(IndexedInterview::id).toList()),
                                 index.followUpsDue(now, DashboardView.MAX_LISTED),
                                 first(awaiting.stream().map(IndexedInterview::id).toList()),
                                 ratio(answered, interviews.size()),
                                 ratio(referrals, held.size()));
    }

    private static <T> List<T> first(List<T> ids) {
        return ids.size() <= DashboardView.MAX_LISTED ? ids : ids.subList(0, DashboardView.MAX_LISTED);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
