package app.rapport.application.interview;

import app.rapport.domain.shared.InterviewId;

import java.util.List;

/**
 * The interviews with these ids, for batch loading: {@code List<InterviewView>}
 * ({@code ResponseTypes.multipleInstancesOf(InterviewView.class)}) in the order asked, each at most once, leaving
 * out ids that name no interview (unknown, erased with a forgotten contact, or another owner's).
 */
public record FindInterviews(List<InterviewId> ids) {

    public FindInterviews {
        ids = List.copyOf(ids);
    }
}
