package app.rapport.application.graph;

import app.rapport.domain.contact.ContactId;

import java.util.List;

/**
 * A way to reach a contact through people: {@code hops} nearest to you first (the first one you met), then the
 * target; no hops when you met the target yourself.
 */
public record WarmPathView(List<ContactId> hops, ContactId target) {

    public WarmPathView {
        hops = List.copyOf(hops);
    }
}
