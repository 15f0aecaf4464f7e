/**
 * The calendar sync plugin: confirmed informational interviews in the calendars job seekers live in. A secret,
 * revocable ICS feed any calendar app can subscribe to, and two-way CalDAV: meetings are pushed as they are confirmed,
 * moved and called off, and a meeting moved or deleted in the calendar moves or is called off in Rapport.
 */
package app.rapport.plugins.calendar;
