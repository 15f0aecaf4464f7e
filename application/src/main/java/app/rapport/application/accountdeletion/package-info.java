/**
 * Deleting an account and everything it owns: a workflow over accounts, contacts, plugins and privacy, so it lives
 * apart from each of them.
 */
package app.rapport.application.accountdeletion;
