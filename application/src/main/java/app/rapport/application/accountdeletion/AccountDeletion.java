package app.rapport.application.accountdeletion;

import app.rapport.application.account.AccountService;
import app.rapport.application.contact.ContactUseCases;
import app.rapport.application.overview.ContactPage;
import app.rapport.application.overview.FindContactPage;
import app.rapport.application.overview.PageSize;
import app.rapport.application.privacy.ContactErasure;
import app.rapport.application.privacy.DiskErasure;
import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.Store;
import app.rapport.application.views.ViewFailures;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deleting an account: at once, the account is closed (it cannot sign in, every session ends, its email is free);
 * then, in the background, everything it owns is erased: every contact is forgotten (their events unreadable, their
 * views purged, their meetings removed from a connected calendar by the calendar plugin), its own words (the question
 * bank) made unreadable in the event log, the places that keep its data emptied ({@link AccountCopies}: the question
 * bank view, plugins' settings, secrets, jobs and failed events), and the old copies on disk overwritten
 * ({@link DiskErasure}).
 * <p>
 * A deletion in progress is kept in {@value #COLLECTION} until it is complete, so one interrupted by a restart is
 * completed after it. Forgetting is one command per contact: about 10 ms each here, five minutes for 30,000.
 */
@Component
public class AccountDeletion implements AutoCloseable {

    static final String COLLECTION = "account_deletions";

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final AccountService accounts;
    private final ContactUseCases contacts;
    private final QueryGateway queries;
    private final List<AccountCopies> copies;
    private final ContactErasure erasure;
    private final DiskErasure disk;
    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final MongoCollection<Document> pending;
    private final AppendDurability durability;
    private final Duration patience;
    private final Thread worker;
    private volatile boolean closing;

    AccountDeletion(AccountService accounts, ContactUseCases contacts, QueryGateway queries, List<AccountCopies> copies,
                    ContactErasure erasure, DiskErasure disk, EventStore events, EventProcessingConfiguration processing, Store store,
                    @Value("${rapport.privacy.erasure-patience:PT1M}") Duration patience) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.queries = queries;
        this.copies = copies;
        this.erasure = erasure;
        this.disk = disk;
        this.events = events;
        this.processing = processing;
        this.pending = store.database().getCollection(COLLECTION);
        this.durability = store.durability();
        this.patience = patience;
        this.worker = new Thread(this::run, "account-deletion");
        worker.setDaemon(true);
    }

    /**
     * Closes the account after checking its password, and starts erasing what it owns.
     *
     * @throws app.rapport.domain.shared.InvalidInput on {@code password} when it is not the account's
     */
    public void delete(OwnerId owner, String password, String clientAddress) {
        accounts.close(owner, password, clientAddress);
        pending.replaceOne(Filters.eq("_id", owner.value()), new Document("_id", owner.value()).append("requestedAt", new Date()),
                           new ReplaceOptions().upsert(true));
        durability.makeDurable();
        synchronized (this) {
            notifyAll();
        }
    }

    /** Whether what the account owned is still being erased. */
    public boolean inProgress(OwnerId owner) {
        return pending.find(Filters.eq("_id", owner.value())).first() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        worker.start();
    }

    private void run() {
        while (!closing) {
            List<String> owners = new ArrayList<>();
            pending.find().forEach(document -> owners.add(document.getString("_id")));
            for (String owner : owners) {
                if (closing) {
                    return;
                }
                try {
                    erase(new OwnerId(owner));
                } catch (RuntimeException failed) {
                    log.warn("Erasing what account {} owned failed; it is tried again", owner, failed);
                    pause(patience);
                }
            }
            synchronized (this) {
                if (!closing && pending.countDocuments() == 0) {
                    try {
                        wait(60_000);
                    } catch (InterruptedException stopping) {
                        return;
                    }
                }
            }
        }
    }

    private void erase(OwnerId owner) {
        String actor = "user:" + owner.value();
        int forgotten = 0;
        Set<ContactId> tried = new HashSet<>();
        while (!closing) {
            ContactPage page = queries.query(new FindContactPage(owner, PageSize.MAX, null, null, null, null),
                                             ResponseTypes.instanceOf(ContactPage.class)).join();
            List<ContactId> fresh = page.entries().stream().map(ContactPage.Entry::id).filter(tried::add).toList();
            if (fresh.isEmpty()) {
                break;
            }
            for (ContactId contact : fresh) {
                try {
                    contacts.forget(actor, contact);
                    forgotten++;
                } catch (NotFound alreadyGone) {
                    // forgotten meanwhile, or merged into one forgotten with it
                }
            }
        }
        if (closing) {
            return;
        }
        // The calendar plugin deletes a forgotten person's meetings from the calendar it was connected to: with its
        // connection, which is deleted next.
        awaitEveryProcessor(head(), Instant.now().plus(patience));
        erasure.forgetOwnWords(owner);
        copies.forEach(place -> place.forget(owner));
        pending.deleteOne(Filters.eq("_id", owner.value()));
        durability.makeDurable();
        disk.request();
        log.info("Account {} erased: {} contacts forgotten, its own words and plugins' data deleted; the disk is overwritten next", owner, forgotten);
    }

    private long head() {
        return ViewFailures.positionOf(events.createHeadToken());
    }

    private void awaitEveryProcessor(long position, Instant deadline) {
        while (Instant.now().isBefore(deadline) && !closing) {
            boolean all = true;
            for (var processor : processing.eventProcessors().values()) {
                if (processor instanceof StreamingEventProcessor streaming) {
                    for (EventTrackerStatus segment : streaming.processingStatus().values()) {
                        all &= segment.getTrackingToken() != null && ViewFailures.positionOf(segment.getTrackingToken()) >= position;
                    }
                }
            }
            if (all) {
                return;
            }
            pause(Duration.ofMillis(100));
        }
        log.warn("Not every processor had handled the forgetting of a deleted account's contacts within {}; going on", patience);
    }

    private synchronized void pause(Duration pause) {
        if (!closing) {
            try {
                wait(Math.max(1, pause.toMillis()));
            } catch (InterruptedException stopping) {
                closing = true;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        if (worker.isAlive()) {
            worker.join(30_000);
        }
    }
}
