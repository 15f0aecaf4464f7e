package app.rapport.domain.contact;

import org.axonframework.serialization.Revision;

/**
 * Someone introduced this contact to the owner.
 *
 * @param primary true when this introducer is (now) the one the contact counts as referred by: the first one,
 *                or the same one again with a changed permission. False when a second person introduced
 *                the contact too: kept in the history, while referral chains keep following the first.
 */
@Revision("1")
public record IntroductionRecorded(
        ContactId contactId,
        ContactId introducer,
        boolean mayUseIntroducerName,
        boolean primary) implements RelationshipEvent {
}
