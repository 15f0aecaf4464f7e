/**
 * The plugin test kit: {@link app.rapport.plugin.testkit.RapportExtension} starts a real Rapport server in-process, on
 * its embedded store in a fresh directory, with every plugin on the test's class path; a test signs users up, sends
 * GraphQL and HTTP as they would, and waits for a plugin's processor to catch up.
 */
package app.rapport.plugin.testkit;
