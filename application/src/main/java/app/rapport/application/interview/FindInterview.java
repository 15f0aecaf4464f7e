package app.rapport.application.interview;

import app.rapport.domain.shared.InterviewId;

/**
 * The interview with this id, among its owner's: {@code Optional<InterviewView>}
 * ({@code ResponseTypes.optionalInstanceOf(InterviewView.class)}), empty when unknown or when its interviewee
 * was forgotten. Reads the view as it is; a command sent through the consistent command gateway returns once
 * the views show it.
 */
public record FindInterview(InterviewId id) {
}
