/**
 * The question bank: questions a user keeps for preparing interviews, each with an optional topic.
 */
package app.rapport.domain.question;
