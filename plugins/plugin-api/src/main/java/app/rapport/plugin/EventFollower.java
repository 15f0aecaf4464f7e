package app.rapport.plugin;

/** Follows Rapport's event stream for a plugin; see {@link PluginContext#follow}. */
public interface EventFollower {

    /**
     * Handles one event. Throwing makes the host try again a few times, with {@link PluginContext#backOff}; after
     * that the event goes to the plugin's dead letters and the stream goes on. Events come at least once: after a
     * crash, the last one handled may come again, with the same {@link RapportEvent#position()}. What the owner's
     * network reads here ({@link OwnerNetwork#contact}, {@link OwnerNetwork#interview}) already shows this event.
     */
    void on(RapportEvent event) throws Exception;

    /**
     * Whether events of this type ({@link RapportEvent#type()}) are handed to {@link #on}: all by default. A follower
     * that needs a few types should say which; the others then cost it nothing (a LinkedIn import is ten thousand
     * {@code ContactAdded} in a minute).
     */
    default boolean follows(String eventType) {
        return true;
    }

    /**
     * Whether this owner's events of this type are handed to {@link #on}: by default those of the types it
     * {@linkplain #follows(String) follows}. Asked before the event is read, for every event of the stream, so it must
     * be quick: owner settings ({@link PluginContext#settings}) are kept in memory by the host for this. A follower that
     * acts only for owners who set it up (a webhook, a connected calendar) should say so here; the others' events then
     * cost it nothing. An exception counts as "yes": {@link #on} is then asked, and may fail as usual.
     */
    default boolean follows(String eventType, String ownerId) {
        return follows(eventType);
    }

    /**
     * Whether a newly installed plugin reads the stream from its first event (true) or from the moment it is
     * first started (false, the default). Either way it goes on from its own position after a restart.
     */
    default boolean fromTheBeginning() {
        return false;
    }
}
