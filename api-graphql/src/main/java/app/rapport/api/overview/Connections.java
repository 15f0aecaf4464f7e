package app.rapport.api.overview;

import app.rapport.application.contact.ContactView;
import app.rapport.application.interview.InterviewView;

import java.util.List;

/** The GraphQL connection types of the owner's lists, as Relay's cursor connections shape them. */
final class Connections {

    private Connections() {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record ContactEdge(ContactView node, String cursor) {
    }

    record ContactConnection(List<ContactEdge> edges, PageInfo pageInfo, int totalCount) {
    }

    record InterviewEdge(InterviewView node, String cursor) {
    }

    record InterviewConnection(List<InterviewEdge> edges, PageInfo pageInfo, int totalCount) {
    }
}
