package app.rapport.api.graph;

import app.rapport.application.contact.ContactView;

import java.util.List;

/** A warm path as the API shows it: the contacts themselves, whose nested fields load in batches. */
public record WarmPath(List<ContactView> hops, ContactView target) {

    public WarmPath {
        hops = List.copyOf(hops);
    }
}
