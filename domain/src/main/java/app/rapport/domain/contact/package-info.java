/**
 * Contacts: the people in the owner's network, how they were found and by whom, keeping in touch, merging
 * duplicates and forgetting. Also the port through which other aggregates learn facts about contacts, and
 * the marker of events that belong to a relationship. Depends only on the shared package.
 */
package app.rapport.domain.contact;
