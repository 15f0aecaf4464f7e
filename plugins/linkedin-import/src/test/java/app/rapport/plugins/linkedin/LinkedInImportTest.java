package app.rapport.plugins.linkedin;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static app.rapport.plugins.linkedin.ImportClient.IMPORTS;
import static app.rapport.plugins.linkedin.ImportClient.contactCount;
import static app.rapport.plugins.linkedin.ImportClient.contacts;
import static app.rapport.plugins.linkedin.ImportClient.importFile;
import static app.rapport.plugins.linkedin.ImportClient.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The LinkedIn import as a user meets it: upload over HTTP, follow the job through GraphQL, find the contacts. */
@ExtendWith(RapportExtension.class)
class LinkedInImportTest {

    private static final String NOTES = """
            Notes:
            "When exporting your connection data, you may notice that some of the email addresses are missing."

            """;

    private static final String CURRENT = NOTES + """
            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Nadia,Fernández,https://www.linkedin.com/in/nadia-fern%C3%A1ndez-1,nadia@example.org,"Proseware, LLC",Policy Advisor,10 Jun 2016
            Ngozi,Moreau,https://www.linkedin.com/in/ngozi-moreau-2,,Adventure Works,,15 Dec 2017
            Mateo,Ivanova,https://www.linkedin.com/in/mateo-ivanova-3,,"Fabrikam, Inc.","Operations Lead, EMEA",12 Mar 2021
            """;

    @Test
    void theCurrentExportWithItsNotesAndAByteOrderMarkBecomesContacts(TestServer server) {
        TestUser maya = server.signUp();

        JsonNode job = importFile(maya, "Connections.csv", "\uFEFF" + CURRENT);

        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("total").asInt()).isEqualTo(3);
        assertThat(job.path("created").asInt()).isEqualTo(3);
        assertThat(job.path("failed").asInt()).isZero();
        Map<String, JsonNode> found = contacts(maya, null);
        assertThat(found).containsOnlyKeys("Nadia Fernández", "Ngozi Moreau", "Mateo Ivanova");
        JsonNode nadia = found.get("Nadia Fernández");
        assertThat(nadia.path("organization").asText()).isEqualTo("Proseware, LLC");
        assertThat(nadia.path("title").asText()).isEqualTo("Policy Advisor");
        assertThat(nadia.path("emails").get(0).asText()).isEqualTo("nadia@example.org");
        assertThat(nadia.path("linkedinUrl").asText()).isEqualTo("https://www.linkedin.com/in/nadia-fernández-1");
        assertThat(nadia.path("source").asText()).isEqualTo("LINKEDIN");
        assertThat(nadia.path("addedAt").asText()).startsWith("2016-06-10");
        assertThat(found.get("Mateo Ivanova").path("title").asText()).isEqualTo("Operations Lead, EMEA");
    }

    @Test
    void the2018LayoutWithoutUrlsAndWithUsDatesImports(TestServer server) {
        TestUser maya = server.signUp();
        String export = """
                First Name,Last Name,Email Address,Company,Position,Connected On
                Hannah,Haddad,,Lucerne Publishing,Policy Advisor,"6/23/15, 2:04 AM"
                Hannah,Haddad,,Lucerne Publishing,Policy Advisor,"6/23/15, 2:04 AM"
                Liam,Nguyen,liam@example.net,State University,Civil Engineer,"11/15/15, 3:16 PM"
                """;

        JsonNode job = importFile(maya, "Connections.csv", export);

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("skipped").asInt()).as("the same person listed twice").isEqualTo(1);
        Map<String, JsonNode> found = contacts(maya, null);
        assertThat(found).containsOnlyKeys("Hannah Haddad", "Liam Nguyen");
        assertThat(found.get("Liam Nguyen").path("addedAt").asText()).startsWith("2015-11-15T15:16");
        assertThat(found.get("Hannah Haddad").path("linkedinUrl").isNull()).isTrue();
    }

    @Test
    void aFileResavedByASpreadsheetWithCrlfAndShortDatesImports(TestServer server) {
        TestUser maya = server.signUp();
        String export = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                        + "Ravi,Osei,https://www.linkedin.com/in/ravi-osei-0,,,Intern,25-Aug-12\r\n"
                        + "Zoë,Patel,https://www.linkedin.com/in/zoë-patel-3,,Coho Winery,Nurse Practitioner,19-Dec-14\r\n";

        JsonNode job = importFile(maya, "Connections.csv", export);

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(2);
        Map<String, JsonNode> found = contacts(maya, null);
        assertThat(found.get("Zoë Patel").path("addedAt").asText()).startsWith("2014-12-19");
        assertThat(found.get("Ravi Osei").path("organization").isNull()).isTrue();
        assertThat(found.get("Ravi Osei").path("addedAt").asText()).startsWith("2012-08-25");
    }

    @Test
    void aBadRowFailsAloneWithItsLineAndTheRestImports(TestServer server) {
        TestUser maya = server.signUp();
        String export = NOTES + """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Ada,Quinn,https://www.linkedin.com/in/ada-quinn,,Acme,Engineer,01 Feb 2020
                ,Nameless,https://www.linkedin.com/in/nameless,,Acme,Engineer,01 Feb 2020
                Bo,Lind,https://www.linkedin.com/in/bo-lind,,"Acme
                Labs",Engineer,someday
                Cy,Rowe,https://example.org/not-a-profile,,Acme,Engineer,01 Feb 2020
                Di,Park,https://www.linkedin.com/in/di-park,,Acme,Engineer,01 Feb 2099
                Ed,Moss,https://www.linkedin.com/in/ed-moss,,Acme,Engineer,02 Feb 2020
                """;

        JsonNode job = importFile(maya, "Connections.csv", export);

        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(2);
        assertThat(job.path("failed").asInt()).isEqualTo(4);
        Map<Integer, String> errors = new LinkedHashMap<>();
        job.path("errors").forEach(error -> errors.put(error.path("line").asInt(), error.path("message").asText()));
        assertThat(errors).containsOnlyKeys(6, 7, 9, 10);
        assertThat(errors.get(6)).contains("First Name");
        assertThat(errors.get(7)).contains("Connected On").contains("someday");
        assertThat(errors.get(9)).contains("URL").contains("not-a-profile");
        assertThat(errors.get(10)).contains("Connected On").contains("future");
        assertThat(contacts(maya, null)).containsOnlyKeys("Ada Quinn", "Ed Moss");
    }

    @Test
    void importingTheSameExportAgainCreatesNobodyAndChangesOnlyWhatChanged(TestServer server) {
        TestUser maya = server.signUp();
        importFile(maya, "Connections.csv", CURRENT);
        String nadiaBefore = contacts(maya, "Nadia").get("Nadia Fernández").path("id").asText();

        JsonNode again = importFile(maya, "Connections.csv", CURRENT);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("skipped").asInt()).isEqualTo(3);

        JsonNode changed = importFile(maya, "Connections.csv", CURRENT.replace("Policy Advisor", "Head of Policy"));
        assertThat(changed.path("created").asInt()).isZero();
        assertThat(changed.path("updated").asInt()).isEqualTo(1);
        assertThat(changed.path("skipped").asInt()).isEqualTo(2);
        JsonNode nadia = contacts(maya, "Nadia").get("Nadia Fernández");
        assertThat(nadia.path("id").asText()).isEqualTo(nadiaBefore);
        assertThat(nadia.path("title").asText()).isEqualTo("Head of Policy");
        assertThat(contactCount(maya)).isEqualTo(3);
    }

    @Test
    void theSameExportSentTwiceAtOnceAddsEachPersonOnce(TestServer server) {
        TestUser maya = server.signUp();
        byte[] file = CURRENT.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = maya.upload(IMPORTS, "file", "Connections.csv", file);
        HttpResponse<String> second = maya.upload(IMPORTS, "file", "Connections.csv", file);
        assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(202, 202);
        JsonNode firstJob = ImportClient.awaitJob(maya, TestUser.json(first).path("id").asText());
        JsonNode secondJob = ImportClient.awaitJob(maya, TestUser.json(second).path("id").asText());

        assertThat(firstJob.path("created").asInt()).isEqualTo(3);
        assertThat(secondJob.path("created").asInt()).as("runs after the first, and finds its contacts").isZero();
        assertThat(secondJob.path("skipped").asInt()).isEqualTo(3);
        assertThat(contactCount(maya)).isEqualTo(3);
    }

    @Test
    void aPersonTheOwnerAddedByHandIsFoundByProfileEmailOrNameAndNotAddedTwice(TestServer server) {
        TestUser maya = server.signUp();
        JsonNode added = maya.graphQl("""
                mutation { a: addContact(input: {id: "ngozi", givenName: "Ngozi", familyName: "Moreau", source: ALUMNI,
                                                 linkedinUrl: "https://LinkedIn.com/in/NGOZI-MOREAU-2/"}) { id }
                           b: addContact(input: {id: "nadia", givenName: "Nadia", source: CAREER_FAIR, emails: ["NADIA@example.org"]}) { id }
                           c: addContact(input: {id: "mateo", givenName: "Mateo", familyName: "Ivanova", organization: "Fabrikam, Inc.",
                                                 source: PERSONAL, tags: ["friend"]}) { id } }""");
        assertThat(added.has("errors")).as(added.toString()).isFalse();

        JsonNode job = importFile(maya, "Connections.csv", CURRENT);

        assertThat(job.path("created").asInt()).as(job.toString()).isZero();
        assertThat(contactCount(maya)).isEqualTo(3);
        Map<String, JsonNode> found = contacts(maya, null);
        assertThat(found.get("Nadia").path("id").asText()).isEqualTo("nadia");
        assertThat(found.get("Nadia").path("source").asText()).as("how the owner found her stays").isEqualTo("CAREER_FAIR");
        assertThat(found.get("Nadia").path("organization").asText()).isEqualTo("Proseware, LLC");
        assertThat(found.get("Mateo Ivanova").path("linkedinUrl").asText()).isEqualTo("https://www.linkedin.com/in/mateo-ivanova-3");
        assertThat(found.get("Ngozi Moreau").path("organization").asText()).isEqualTo("Adventure Works");
    }

    @Test
    void theArchiveLogsTheLatestMessageOrInvitationWithEachContactAsATouchOnce(TestServer server) {
        TestUser maya = server.signUp();
        byte[] archive = zip(Map.of(
                "Basic_LinkedInDataExport_11-26-2026/Connections.csv", CURRENT.getBytes(StandardCharsets.UTF_8),
                "Basic_LinkedInDataExport_11-26-2026/messages.csv", """
                        CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER
                        2-1,,Ngozi Moreau,https://www.linkedin.com/in/ngozi-moreau-2,Maya,https://www.linkedin.com/in/maya,2024-03-01 10:00:00 UTC,,"Happy to chat,
                        does Thursday work?",INBOX
                        2-2,,Maya,https://www.linkedin.com/in/maya,Ngozi Moreau,https://www.linkedin.com/in/ngozi-moreau-2,2024-03-02 09:30:00 UTC,,Thanks!,SENT
                        """.getBytes(StandardCharsets.UTF_8),
                "Basic_LinkedInDataExport_11-26-2026/Invitations.csv", """
                        From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl
                        Maya,Mateo Ivanova,"3/12/21, 08:28 AM",,OUTGOING,https://www.linkedin.com/in/maya,https://www.linkedin.com/in/mateo-ivanova-3
                        """.getBytes(StandardCharsets.UTF_8)));

        JsonNode job = importFile(maya, "export.zip", archive);

        assertThat(job.path("created").asInt()).as(job.toString()).isEqualTo(3);
        Map<String, JsonNode> found = contacts(maya, null);
        assertThat(found.get("Ngozi Moreau").path("lastTouchAt").asText()).startsWith("2024-03-02T09:30");
        assertThat(found.get("Mateo Ivanova").path("lastTouchAt").asText()).startsWith("2021-03-12T08:28");
        assertThat(found.get("Nadia Fernández").path("lastTouchAt").isNull()).isTrue();
        String ngozi = found.get("Ngozi Moreau").path("id").asText();
        assertThat(touches(maya, ngozi)).isEqualTo(1);

        importFile(maya, "export.zip", archive);
        assertThat(touches(maya, ngozi)).as("a second import logs no touch twice").isEqualTo(1);
    }

    private static int touches(TestUser user, String contactId) {
        JsonNode history = user.graphQl("query($id: ID!) { relationshipHistory(contactId: $id) { edges { node { type actor } } } }",
                                        Map.of("id", contactId));
        int touches = 0;
        for (JsonNode edge : history.path("data").path("relationshipHistory").path("edges")) {
            if (edge.path("node").path("type").asText().equals("TouchLogged")) {
                assertThat(edge.path("node").path("actor").asText()).isEqualTo("plugin:linkedin-import");
                touches++;
            }
        }
        return touches;
    }

    @Test
    void anUploadThatIsNotAnExportIsRefusedWithAMessageAndChangesNothing(TestServer server) {
        TestUser maya = server.signUp();

        HttpResponse<String> notCsv = maya.upload(IMPORTS, "file", "notes.txt", "Dear diary,\nno connections here.\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> empty = maya.upload(IMPORTS, "file", "Connections.csv", new byte[0]);
        HttpResponse<String> wrongField = maya.upload(IMPORTS, "upload", "Connections.csv", CURRENT.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> zipWithoutConnections = maya.upload(IMPORTS, "file", "export.zip",
                                                                 zip(Map.of("Profile.csv", "First Name\nMaya\n".getBytes(StandardCharsets.UTF_8))));

        for (HttpResponse<String> refused : List.of(notCsv, empty, wrongField, zipWithoutConnections)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(TestUser.json(refused).path("field").asText()).isEqualTo("file");
        }
        assertThat(TestUser.json(notCsv).path("error").asText()).contains("not a LinkedIn connections export");
        assertThat(TestUser.json(zipWithoutConnections).path("error").asText()).contains("no Connections.csv");
        assertThat(contactCount(maya)).isZero();
    }

    @Test
    void anArchiveThatExpandsFarBeyondItsSizeIsRefusedNotUnpacked(TestServer server) {
        TestUser maya = server.signUp();
        byte[] zeros = new byte[40 * 1024 * 1024];

        HttpResponse<String> bomb = maya.upload(IMPORTS, "file", "export.zip", zip(Map.of("Connections.csv", zeros)));

        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
        assertThat(TestUser.json(bomb).path("error").asText()).contains("expands beyond");
    }

    @Test
    void theOwnerFollowsTheImportLiveUntilItIsDone(TestServer server) {
        TestUser maya = server.signUp();
        StringBuilder export = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 600; i++) {
            export.append("Person,Number ").append(i).append(",https://www.linkedin.com/in/person-").append(i).append(",,Acme,Analyst,01 Mar 2020\n");
        }
        HttpResponse<String> accepted = maya.upload(IMPORTS, "file", "Connections.csv", export.toString().getBytes(StandardCharsets.UTF_8));
        String job = TestUser.json(accepted).path("id").asText();

        List<JsonNode> progress = maya.subscribe("subscription($id: ID!) { importJobChanged(id: $id) { status total created failed } }",
                                                 Map.of("id", job), Duration.ofSeconds(120));

        List<JsonNode> jobs = progress.stream().map(payload -> payload.path("data").path("importJobChanged")).toList();
        assertThat(jobs).isNotEmpty();
        assertThat(jobs.get(jobs.size() - 1).path("status").asText()).isEqualTo("DONE");
        assertThat(jobs.get(jobs.size() - 1).path("created").asInt()).isEqualTo(600);
        assertThat(jobs).allSatisfy(update -> assertThat(update.path("total").asInt()).isEqualTo(600));
        for (int i = 1; i < jobs.size(); i++) {
            assertThat(jobs.get(i).path("created").asInt()).isGreaterThanOrEqualTo(jobs.get(i - 1).path("created").asInt());
        }
        assertThatThrownBy(() -> server.signUp().subscribe("subscription($id: ID!) { importJobChanged(id: $id) { status } }",
                                                           Map.of("id", job), Duration.ofSeconds(10)))
                .as("another owner's job").hasMessageContaining("NOT_FOUND");
    }

    @Test
    void importsAndTheirJobsBelongToTheirOwner(TestServer server) {
        TestUser maya = server.signUp();
        TestUser sam = server.signUp();
        JsonNode job = importFile(maya, "Connections.csv", CURRENT);

        assertThat(ImportClient.job(sam, job.path("id").asText()).isNull()).isTrue();
        assertThat(contactCount(sam)).isZero();
        HttpResponse<String> anonymous = maya.signedOut().upload(IMPORTS, "file", "Connections.csv", CURRENT.getBytes(StandardCharsets.UTF_8));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
