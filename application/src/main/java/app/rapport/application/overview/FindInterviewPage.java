package app.rapport.application.overview;

import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.shared.OwnerId;

/**
 * A page of the owner's interviews: {@link InterviewPage} ({@code ResponseTypes.instanceOf(InterviewPage.class)}),
 * the latest requested first, then by id; interviews erased with a forgotten contact are not listed.
 *
 * @param first  at most this many, 0 to {@link PageSize#MAX}; more is refused (field {@code first})
 * @param after  a cursor from an earlier page, or null for the first page; a malformed one is refused
 * @param status null, or only interviews with this status
 */
public record FindInterviewPage(OwnerId owner, int first, String after, InterviewStatus status) {

    static final String LIST = "interviews";

    public FindInterviewPage {
        PageSize.require(first);
        if (after != null) {
            PageCursor.instant(PageCursor.decode(LIST, after).get(0));
        }
    }
}
