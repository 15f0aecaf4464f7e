package app.rapport.application.overview;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The owner's lists and dashboard: {@link FindContactPage}, {@link FindInterviewPage}, {@link FindDashboard},
 * answered from the owner's index as MongoDB holds it now ({@link OwnerIndexStore#index}). A page without a filter
 * reads about a page; a search scans one text of all listed contacts, a tag or stage looks at each in memory; the dashboard reads the
 * counts and lists the index keeps ready and the owner's interviews.
 */
@Component
class OwnerIndexQueries {

    private final OwnerIndexStore store;

    OwnerIndexQueries(OwnerIndexStore store) {
        this.store = store;
    }

    @QueryHandler
    ContactPage handle(FindContactPage query) {
        return store.index(query.owner()).contactPage(query, OwnerIndexStore.now());
    }

    @QueryHandler
    InterviewPage handle(FindInterviewPage query) {
        return store.index(query.owner()).interviewPage(query);
    }

    @QueryHandler
    DashboardView handle(FindDashboard query) {
        return Dashboards.of(store.index(query.owner()), OwnerIndexStore.now());
    }
}
