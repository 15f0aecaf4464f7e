/**
 * Personal data and forgetting. Contacts are third parties who never signed up, so what the event log says
 * about them must be erasable without rewriting history (crypto-shredding):
 * <ul>
 * <li>Every {@code @PersonalData} component of a {@code RelationshipEvent} is stored encrypted with the
 *     contact's own AES-256 key ({@code PersonalDataSerializer}, Axon's event serializer): each component's
 *     JSON value becomes {@code "pd1:" + base64(nonce | AES-GCM ciphertext)}. Ids, enums, times and flags stay
 *     plain, so the history still shows what kind of step happened.</li>
 * <li>Keys live outside the event log, in collection {@code contact_keys} ({@code ContactKeys}), made on first
 *     use and durable before the events they encrypt are stored.</li>
 * <li>Forgetting deletes the key and leaves a key-less document, so none is ever made again for that contact.
 *     Its events then read with those components null. {@code ContactForgotten}, which holds no personal data,
 *     records in the history that the erasure happened.</li>
 * <li>The key is deleted twice over: within the {@code ForgetContact} command, right after
 *     {@code ContactForgotten} is stored ({@code ImmediateErasure}, a subscribing processor), so the data is
 *     unreadable when the command returns; and by a tracking processor ({@code GuaranteedErasure}), so a
 *     failure or crash in between cannot leave a forgotten contact readable.</li>
 * </ul>
 * Not covered here: read models hold their own copies and are purged by their projections; snapshots and
 * sagas go through the general serializer, not this one.
 */
package app.rapport.application.privacy;
