package app.rapport.application.plugin;

import app.rapport.application.accountdeletion.AccountCopies;
import app.rapport.application.privacy.ContactCopies;
import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;
import org.springframework.stereotype.Component;

/**
 * What the plugin host keeps for an owner: plugins' settings and secrets, import jobs, failed events. A forgotten
 * contact's failed events go with them; a deleted account's everything.
 */
@Component
public class PluginOwnerData implements ContactCopies, AccountCopies {

    private final PluginSettingsStore settings;
    private final PluginJobs jobs;
    private final PluginDeadLetters deadLetters;
    private final AppendDurability durability;

    PluginOwnerData(PluginSettingsStore settings, PluginJobs jobs, PluginDeadLetters deadLetters, Store store) {
        this.settings = settings;
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.durability = store.durability();
    }

    @Override
    public void forget(ContactId contact) {
        deadLetters.forgetContact(contact.owner(), contact.value());
        durability.makeDurable();
    }

    /** Deletes every plugin's settings and secrets for the owner, its jobs and failed events. */
    @Override
    public void forget(OwnerId owner) {
        settings.forgetOwner(owner);
        jobs.forgetOwner(owner);
        deadLetters.forgetOwner(owner);
        durability.makeDurable();
    }
}
