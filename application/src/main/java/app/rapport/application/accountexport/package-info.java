/** An account's right of access: everything it owns, written out as one JSON file. */
package app.rapport.application.accountexport;
