/**
 * Many changes of one owner in one write, for imports: {@link app.rapport.application.batch.ContactBatch}.
 */
package app.rapport.application.batch;
