package app.rapport.api.overview;

import app.rapport.application.overview.OwnerIndexProcessing;
import app.rapport.api.account.Caller;
import app.rapport.api.overview.Connections.ContactConnection;
import app.rapport.api.overview.Connections.ContactEdge;
import app.rapport.api.overview.Connections.InterviewConnection;
import app.rapport.api.overview.Connections.InterviewEdge;
import app.rapport.api.overview.Connections.PageInfo;
import app.rapport.api.shared.Gateways;
import app.rapport.application.contact.ContactView;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.overview.ContactPage;
import app.rapport.application.overview.DashboardView;
import app.rapport.application.overview.FindContactPage;
import app.rapport.application.overview.FindDashboard;
import app.rapport.application.overview.FindInterviewPage;
import app.rapport.application.overview.InterviewPage;
import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's lists of contacts and interviews, and the dashboard, now and as it changes. A page is one query of
 * the owner index for the ids, then one for the entities; nested fields are batched by the contact and interview
 * controllers.
 */
@Controller
class OverviewController {

    private final Gateways gateways;
    private final DashboardFeed feed;

    OverviewController(Gateways gateways, DashboardFeed feed) {
        this.gateways = gateways;
        this.feed = feed;
    }

    @QueryMapping
    ContactConnection contacts(@Argument Integer first, @Argument String after, @Argument String search,
                               @Argument RelationshipStage stage, @Argument String tag, Caller caller) {
        ContactPage page = gateways.askAfterOwnWrites(caller, OwnerIndexProcessing.OWNER_INDEX_VIEWS, new FindContactPage(caller.owner(), first == null ? 50 : first, after, blankToNull(search),
                                                            stage, blankToNull(tag)),
                                        ResponseTypes.instanceOf(ContactPage.class));
        Map<ContactId, ContactView> found = gateways.contactsById(page.entries().stream().map(ContactPage.Entry::id).toList());
        List<ContactEdge> edges = page.entries().stream()
                                      .filter(entry -> found.containsKey(entry.id()))
                                      .map(entry -> new ContactEdge(found.get(entry.id()), entry.cursor()))
                                      .toList();
        return new ContactConnection(edges, new PageInfo(page.hasNextPage(), page.endCursor()), page.totalCount());
    }

    @QueryMapping
    InterviewConnection interviews(@Argument Integer first, @Argument String after, @Argument InterviewStatus status,
                                   Caller caller) {
        InterviewPage page = gateways.askAfterOwnWrites(caller, OwnerIndexProcessing.OWNER_INDEX_VIEWS, new FindInterviewPage(caller.owner(), first == null ? 50 : first, after, status),
                                          ResponseTypes.instanceOf(InterviewPage.class));
        Map<InterviewId, InterviewView> found = gateways.interviewsById(page.entries().stream().map(InterviewPage.Entry::id).toList());
        List<InterviewEdge> edges = page.entries().stream()
                                        .filter(entry -> found.containsKey(entry.id()))
                                        .map(entry -> new InterviewEdge(found.get(entry.id()), entry.cursor()))
                                        .toList();
        return new InterviewConnection(edges, new PageInfo(page.hasNextPage(), page.endCursor()), page.totalCount());
    }

    @QueryMapping
    DashboardView dashboard(Caller caller) {
        return gateways.askAfterOwnWrites(caller, OwnerIndexProcessing.OWNER_INDEX_VIEWS, new FindDashboard(caller.owner()), ResponseTypes.instanceOf(DashboardView.class));
    }

    @SubscriptionMapping
    Flux<DashboardView> dashboardChanged(Caller caller) {
        return feed.changes(caller.owner());
    }

    @SchemaMapping(typeName = "Dashboard")
    List<InterviewView> upcomingMeetings(DashboardView dashboard) {
        return interviews(dashboard.upcomingMeetingIds());
    }

    @SchemaMapping(typeName = "Dashboard")
    List<InterviewView> thanksDue(DashboardView dashboard) {
        return interviews(dashboard.thanksDueIds());
    }

    @SchemaMapping(typeName = "Dashboard")
    List<InterviewView> awaitingResponse(DashboardView dashboard) {
        return interviews(dashboard.awaitingResponseIds());
    }

    @SchemaMapping(typeName = "Dashboard")
    List<ContactView> followUpsDue(DashboardView dashboard) {
        Map<ContactId, ContactView> found = gateways.contactsById(dashboard.followUpDueIds());
        return dashboard.followUpDueIds().stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private List<InterviewView> interviews(List<InterviewId> ids) {
        Map<InterviewId, InterviewView> found = gateways.interviewsById(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }



    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
