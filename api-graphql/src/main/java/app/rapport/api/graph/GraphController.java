package app.rapport.api.graph;

import app.rapport.application.graph.GraphProcessing;
import app.rapport.api.account.Caller;
import app.rapport.api.shared.Gateways;
import app.rapport.api.shared.Ids;
import app.rapport.application.contact.ContactView;
import app.rapport.application.graph.ContactGraphView;
import app.rapport.application.graph.FindContactGraph;
import app.rapport.application.graph.FindReferralChain;
import app.rapport.application.graph.FindWarmPaths;
import app.rapport.application.graph.WarmPathView;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.NotFound;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contact graph, referral chains and warm paths. Each answer is one lookup of the caller's graph, then one
 * batched lookup of the contacts it names.
 */
@Controller
class GraphController {

    private static final int DEFAULT_DEPTH = 2;
    private static final int DEFAULT_MAX_HOPS = 3;
    private static final int DEFAULT_FIRST = 5;

    private final Gateways gateways;

    GraphController(Gateways gateways) {
        this.gateways = gateways;
    }

    @QueryMapping
    ContactGraphView contactGraph(@Argument String centerId, @Argument Integer depth, Caller caller) {
        ContactId center = centerId == null ? null : Ids.contact(caller.owner(), centerId, "centerId");
        FindContactGraph query = new FindContactGraph(caller.owner(), center, depth == null ? DEFAULT_DEPTH : depth);
        return gateways.askAfterOwnWrites(caller, GraphProcessing.GRAPH_VIEWS, query, ResponseTypes.optionalInstanceOf(ContactGraphView.class))
                       .orElseThrow(() -> new NotFound("centerId", "centerId names no contact of yours"));
    }

    @QueryMapping
    List<ContactView> referralChain(@Argument String contactId, Caller caller) {
        ContactId contact = Ids.contact(caller.owner(), contactId, "contactId");
        List<ContactId> chain = gateways.askAfterOwnWrites(caller, GraphProcessing.GRAPH_VIEWS, new FindReferralChain(contact), ResponseTypes.multipleInstancesOf(ContactId.class));
        if (chain.isEmpty()) {
            throw new NotFound("contactId", "contactId names no contact of yours");
        }
        Map<ContactId, ContactView> contacts = gateways.contactsById(chain);
        return chain.stream().map(contacts::get).filter(Objects::nonNull).toList();
    }

    @QueryMapping
    List<WarmPath> warmPaths(@Argument String organization, @Argument Integer maxHops, @Argument Integer first, Caller caller) {
        FindWarmPaths query = new FindWarmPaths(caller.owner(), organization,
                                                maxHops == null ? DEFAULT_MAX_HOPS : maxHops,
                                                first == null ? DEFAULT_FIRST : first);
        List<WarmPathView> paths = gateways.askAfterOwnWrites(caller, GraphProcessing.GRAPH_VIEWS, query, ResponseTypes.multipleInstancesOf(WarmPathView.class));
        Map<ContactId, ContactView> contacts = gateways.contactsById(paths.stream().flatMap(path -> {
            List<ContactId> people = new ArrayList<>(path.hops());
            people.add(path.target());
            return people.stream();
        }).toList());
        List<WarmPath> result = new ArrayList<>();
        for (WarmPathView path : paths) {
            List<ContactView> hops = path.hops().stream().map(contacts::get).filter(Objects::nonNull).toList();
            ContactView target = contacts.get(path.target());
            // A path through someone the contact views no longer show (forgotten a moment ago) is no path.
            if (target != null && hops.size() == path.hops().size()) {
                result.add(new WarmPath(hops, target));
            }
        }
        return result;
    }

}
