package app.rapport.application.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** One owner's graph rows, read a few at a time by the walks of {@link ContactNetwork}. */
interface GraphSource {

    /** The rows of these contacts that exist, by id. */
    Map<String, GraphContact> contacts(Collection<String> ids);

    /** The rows of these organizations (normalized names) that have members, by name. */
    Map<String, GraphOrganization> organizations(Collection<String> names);

    /** The contacts who work at the organization (normalized name), in id order. */
    List<String> members(String organization);

    /** The contacts the owner met, as the events name them. */
    SortedSet<String> met();
}
