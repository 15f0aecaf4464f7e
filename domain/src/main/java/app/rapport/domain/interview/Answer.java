package app.rapport.domain.interview;

import app.rapport.domain.shared.PersonalData;

/** What the interviewee answered to one question. */
public record Answer(@PersonalData String question, @PersonalData String answer) {
}
