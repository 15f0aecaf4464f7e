/**
 * The LinkedIn import plugin: reads LinkedIn's "Download your data" export (the archive or its
 * {@code Connections.csv}), adds each connection as a contact or updates the one it already is, and logs messages and
 * invitations as touches. Built on the plugin SPI only.
 */
package app.rapport.plugins.linkedin;
