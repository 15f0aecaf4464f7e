package app.rapport.application.contact;

import app.rapport.application.storage.Store;

/** The contact views for tests of other views that read them (a history naming other contacts). */
public final class ContactViewsFixture {

    private ContactViewsFixture() {
    }

    /** The projection that writes the contact views, to deliver events to. */
    public static Object projection(Store store) {
        return new ContactViewProjection(store);
    }

    public static ContactNames names(Store store) {
        return new ContactNames(store);
    }
}
