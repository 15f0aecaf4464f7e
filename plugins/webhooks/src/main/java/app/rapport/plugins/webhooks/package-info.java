/**
 * The webhooks plugin, the worked example of the plugin SPI: an owner names a URL and the event types they want, and
 * each such event of their network is POSTed there as JSON, signed with HMAC-SHA256 under a key only the owner and
 * Rapport know. A delivery that fails is tried again with back-off, then set aside as a dead letter to retry later.
 */
package app.rapport.plugins.webhooks;
