package app.rapport.server.dashboard;

import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * The dashboard as a person uses it: a real headless Chromium on a real server with the bundled plugins. Each test
 * keeps screenshots of the pages it saw under {@code target/screenshots}, and fails on anything the page logged as
 * an error (a script or style the Content-Security-Policy refused shows there).
 */
class DashboardBrowserTest {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String PASSWORD = "a walk along the river";

    @TempDir
    static Path dataDir;
    static TestServer server;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        server = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void nothingLoggedAnError() {
        try {
            for (Browser browser : browsers) {
                assertThat(browser.consoleErrors()).as("errors the page logged").isEmpty();
            }
        } finally {
            browsers.forEach(Browser::close);
        }
    }

    @Test
    void aWholeInterviewCycleThroughTheDashboard() {
        Browser browser = desktop();
        browser.go("");
        browser.waitForText("h1", "Sign in");
        browser.screenshot("sign-in");
        browser.click("a", "Create an account");
        browser.type("#f-displayName", "Maya Chen");
        browser.type("#f-email", uniqueEmail());
        browser.type("#f-password", PASSWORD);
        browser.click("button", "Create account");
        browser.waitForText("h1", "Today");
        assertThat(browser.text(".first-steps")).contains("Add your first contact");
        browser.screenshot("today-new-user");

        browser.click("a.button", "Add a contact");
        browser.type("#f-givenName", "Dana");
        browser.type("#f-familyName", "Reyes");
        browser.type("#f-pronunciation", "DAH-nah RAY-es");
        browser.type("#f-salutation", "Ms. Reyes");
        browser.type("#f-title", "Product Designer");
        browser.type("#f-organization", "Acme");
        browser.select("#f-source", "Career fair");
        browser.type("#f-sourceDetail", "Spring design fair");
        browser.screenshot("add-contact");
        browser.click("button", "Add contact");
        browser.waitForText("h1", "Dana Reyes");
        assertThat(browser.text(".contact-head")).contains("Say “DAH-nah RAY-es”", "Ms. Reyes", "Product Designer at Acme",
                                                           "Career fair · Spring design fair", "Prospect");

        browser.click("button", "Request an interview");
        browser.set("#f-requestedAt", inputTime(LocalDateTime.now().minusDays(12)));
        browser.type("#f-purpose", "How a designer moves into research");
        browser.click("button", "Record the request");
        browser.waitForText("[data-status]", "Requested");

        browser.click("button", "Confirm a meeting");
        LocalDateTime met = LocalDateTime.now().minusDays(10);
        browser.set("#f-startsAt", inputTime(met));
        browser.select("#f-format", "Video");
        browser.type("#f-location", "https://meet.example.org/dana");
        browser.click(".step-form button", "Confirm a meeting");
        browser.waitForText("[data-status]", "Scheduled");

        browser.click("button", "Prepare questions");
        browser.type("#f-newQuestion", "What surprised you most in your first year?");
        browser.click(".step-form button", "Prepare questions");
        browser.waitForText(".interview details summary", "1 prepared question");

        browser.click("button", "Record notes");
        browser.set("#f-heldAt", inputTime(met.plusMinutes(30)));
        browser.type("#f-summary", "Research teams hire designers who run their own studies.");
        browser.type("#answer-0", "How little of the job is drawing.");
        browser.type("#f-advice", "Run a diary study on a side project.");
        browser.click(".step-form button", "Record notes");
        browser.waitForText("[data-status]", "Held");
        assertThat(browser.text("[data-thanks-due]")).startsWith("Thanks overdue since");
        assertThat(browser.text(".notes")).contains("How little of the job is drawing.");

        browser.click("nav a", "Today");
        WebElement overdue = browser.withText("#thanks-due li.overdue", "Dana Reyes");
        assertThat(overdue.getText()).contains("Overdue since");
        assertThat(overdue.findElement(By.cssSelector(".due")).getCssValue("color")).isEqualTo("rgba(192, 57, 43, 1)");
        browser.screenshot("today-thanks-overdue");

        overdue.findElement(By.linkText("Dana Reyes")).click();
        browser.click("button", "Add a referral");
        browser.type("#f-givenName", "Lee");
        browser.type("#f-familyName", "Park");
        browser.type("#f-organization", "Globex");
        browser.find("input[name=mayUseName]").click();
        browser.click(".step-form button", "Add a referral");
        browser.waitForText(".interview", "Suggested: Lee Park (may mention the name)");

        browser.click("button", "Send thanks");
        browser.type("#f-message", "Thank you: I start the diary study this week.");
        browser.click(".step-form button", "Send thanks");
        browser.waitForText("[data-status]", "Thanked");
        assertThat(browser.all("[data-thanks-due]")).isEmpty();
        List<String> history = browser.all(".timeline .event").stream().map(WebElement::getText).toList();
        assertThat(history).hasSizeGreaterThanOrEqualTo(7);
        assertThat(history).allSatisfy(step -> assertThat(step).contains("by you"));
        assertThat(history).filteredOn(step -> step.contains("Requested a 20-minute")).singleElement(STRING)
                           .as("a step recorded later shows when it was taken").contains("recorded");
        browser.screenshot("contact");

        browser.click("a", "Lee Park");
        browser.waitForText("h1", "Lee Park");
        assertThat(browser.all(".chain-list li").stream().map(WebElement::getText)).as("the referral chain")
                                                                         .containsExactly("Dana Reyes", "Lee Park");
        browser.screenshot("contact-introduced");

        browser.click("nav a", "Today");
        browser.waitForText("#thanks-due", "Nobody to thank right now.");
        assertThat(browser.text("[data-stage=THANKED]")).isEqualTo("1");
        assertThat(browser.text("[data-stat=referrals]")).isEqualTo("1.0");
        browser.screenshot("today");

        browser.click("nav a", "Network");
        browser.find("#graph canvas");
        assertThat(browser.find(".graph-list").getAttribute("textContent")).contains("Dana Reyes", "Lee Park", "referred");
        browser.type("#organization", "Globex");
        browser.click("button", "Find paths");
        assertThat(browser.text(".paths")).contains("You → Dana Reyes → Lee Park");
        browser.screenshot("network");
    }

    @Test
    void theContactAsItStoodOnAChosenDay() {
        TestUser user = server.signUp();
        Browser browser = signedIn(desktop(), user);
        ok(user, "mutation { addContact(input: {id: \"sam\", givenName: \"Sam\", organization: \"Initech\", source: ALUMNI}) { id } }");
        browser.go("#/contacts/sam");
        browser.waitForText("h1", "Sam");
        browser.set("#as-of", LocalDate.now().minusDays(3).toString());
        browser.click(".as-of button", "Show");
        browser.waitForText("h1", "Not in your network yet");
        browser.click("button", "Back to today");
        browser.waitForText("h1", "Sam");
        browser.set("#as-of", LocalDate.now().toString());
        browser.click(".as-of button", "Show");
        browser.waitForText(".as-of .notice", "Details as they stood on");
        assertThat(browser.text(".contact-head")).contains("Initech");
        assertThat(browser.all("button").stream().map(WebElement::getText)).doesNotContain("Request an interview", "Log a touch");
    }

    @Test
    void keepingInTouchThenForgetting() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"kai\", givenName: \"Kai\", familyName: \"Moreno\", organization: \"Vandelay\", source: PERSONAL}) { id } }");
        Browser browser = signedIn(desktop(), user);
        browser.go("#/contacts/kai");
        browser.click("button", "Log a touch");
        browser.set("#f-at", inputTime(LocalDateTime.now().minusDays(3)));
        browser.select("#f-channel", "Phone");
        browser.type("#f-note", "Congratulated them on the launch");
        browser.click(".step-form button", "Log it");
        browser.waitUntil(d -> browser.all(".step-form").isEmpty());
        assertThat(browser.text(".timeline")).contains("Congratulated them on the launch");

        browser.click("button", "Follow-up cadence");
        browser.type("#f-everyDays", "2");
        browser.click(".step-form button", "Set");
        browser.waitForText(".facts", "every 2 days");
        browser.click("nav a", "Today");
        assertThat(browser.withText("#follow-ups li", "Kai Moreno").getText()).contains("Due yesterday");

        browser.withText("#follow-ups a", "Kai Moreno").click();
        browser.click("button", "Forget this person…");
        browser.waitForText(".danger", "This cannot be undone.");
        browser.click("button.danger", "Forget Kai Moreno for good");
        browser.waitForText("h1", "Contacts");
        browser.waitForText(".result-count", "0 contacts");
        assertThat(user.graphQl("{ contact(id: \"kai\") { id } }").at("/data/contact").isNull()).isTrue();
    }

    @Test
    void aTimeChosenInAFormIsKeptWhenTheClockTurnsBeforeItIsSent() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"tam\", givenName: \"Tam\", source: ALUMNI}) { id } }");
        Browser browser = signedIn(desktop(), user);
        browser.go("#/contacts/tam");
        browser.click("button", "Log a touch");
        LocalDateTime chosen = LocalDateTime.now().minusDays(3).truncatedTo(ChronoUnit.MINUTES);
        browser.set("#f-at", inputTime(chosen));
        // The person takes a few minutes over the note: the page's clock has moved on when they send it.
        browser.script("const real = Date.now.bind(Date); Date.now = () => real() + 5 * 60000;");
        browser.type("#f-note", "Sent the article we talked about");
        browser.click(".step-form button", "Log it");
        browser.waitUntil(d -> browser.all(".step-form").isEmpty());

        String lastTouch = user.graphQl("{ contact(id: \"tam\") { lastTouchAt } }").at("/data/contact/lastTouchAt").asText();
        assertThat(Instant.parse(lastTouch)).isEqualTo(chosen.atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void editingDetailsChangesAndClearsFields() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"eve\", givenName: \"Eve\", title: \"Analyst\", organization: \"Initech\", source: ALUMNI}) { id } }");
        Browser browser = signedIn(desktop(), user);
        browser.go("#/contacts/eve");
        browser.click("button", "Edit details");
        browser.type("#f-organization", "Initrode");
        browser.find("#f-title").clear();
        browser.type("#f-tags", "fintech, mentor");
        browser.click("form.edit button", "Save");
        browser.waitUntil(d -> browser.all("form.edit").isEmpty());
        assertThat(browser.text(".contact-head")).contains("Initrode", "fintech", "mentor").doesNotContain("Analyst", "Initech");
        assertThat(user.graphQl("{ contact(id: \"eve\") { title organization } }").at("/data/contact/title").isNull()).isTrue();
    }

    @Test
    void aReferralToSomeoneAlreadyInTheContacts() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"dana\", givenName: \"Dana\", familyName: \"Reyes\", source: ALUMNI}) { id } }");
        ok(user, "mutation { addContact(input: {id: \"ravi\", givenName: \"Ravi\", familyName: \"Shah\", organization: \"Hooli\", source: LINKEDIN}) { id } }");
        ok(user, "mutation { requestInterview(input: {id: \"chat\", contactId: \"dana\", channel: EMAIL, requestedMinutes: 20, requestedAt: \"2026-10-01T09:00:00Z\"}) { id } }");
        ok(user, "mutation { confirmMeeting(input: {interviewId: \"chat\", startsAt: \"2026-10-05T09:00:00Z\", durationMinutes: 20, format: PHONE, timeZone: \"UTC\"}) { id } }");
        ok(user, "mutation { recordNotes(input: {interviewId: \"chat\", heldAt: \"2026-10-05T09:30:00Z\", summary: \"Talked\"}) { id } }");
        Browser browser = signedIn(desktop(), user);
        browser.go("#/contacts/dana");
        browser.click("button", "Add a referral");
        browser.find("#f-existing").sendKeys("Rav");
        browser.waitUntil(d -> !browser.all("#existing-people option").isEmpty());
        browser.set("#f-existing", browser.all("#existing-people option").get(0).getAttribute("value"));
        assertThat(browser.find("#f-existing").getAttribute("value")).isEqualTo("Ravi Shah (Hooli)");
        browser.click(".step-form button", "Add a referral");
        browser.waitForText(".interview", "Suggested: Ravi Shah");
        assertThat(user.graphQl("{ contacts { totalCount } }").at("/data/contacts/totalCount").asInt()).as("nobody added").isEqualTo(2);

        browser.click("button", "Add a referral");
        browser.type("#f-existing", "Nobody By That Name");
        browser.click(".step-form button", "Add a referral");
        assertThat(browser.find(".step-form .field-error").getText()).contains("Choose the person from the list");
    }

    @Test
    void searchFilterAndPageThroughContacts() {
        TestUser user = server.signUp();
        for (int n = 1; n <= 28; n++) {
            ok(user, "mutation { addContact(input: {givenName: \"Person %02d\", organization: \"Initech\", source: LINKEDIN, tags: [\"finance\"]}) { id } }".formatted(n));
        }
        ok(user, "mutation { addContact(input: {givenName: \"Ada\", familyName: \"Lovelace\", organization: \"Analytical Engines\", source: FACULTY, tags: [\"math\"]}) { id } }");
        ok(user, "mutation { addContact(input: {id: \"grace\", givenName: \"Grace\", familyName: \"Hopper\", organization: \"Navy\", source: ALUMNI, tags: [\"compilers\"]}) { id } }");
        ok(user, "mutation { requestInterview(input: {contactId: \"grace\", channel: EMAIL, requestedMinutes: 20}) { id } }");
        Browser browser = signedIn(desktop(), user);

        browser.go("#/contacts");
        browser.waitForText(".result-count", "30 contacts");
        assertThat(browser.all(".contact-list li")).hasSize(25);
        assertThat(browser.text(".pager")).contains("Page 1 of 2");
        browser.screenshot("contacts");
        browser.click(".pager button", "Next");
        browser.waitForText(".pager", "Page 2 of 2");
        assertThat(browser.all(".contact-list li")).hasSize(5);
        browser.click(".pager button", "Previous");
        browser.waitForText(".pager", "Page 1 of 2");

        browser.type("#search", "analytical eng");
        browser.click(".filters button", "Search");
        browser.waitForText(".result-count", "1 contact match");
        assertThat(browser.text(".contact-list")).contains("Ada Lovelace", "Analytical Engines");

        browser.type("#search", "");
        browser.select("#stage", "Requested");
        browser.click(".filters button", "Search");
        browser.waitForText(".result-count", "1 contact match");
        assertThat(browser.text(".contact-list")).contains("Grace Hopper");

        browser.select("#stage", "Any stage");
        browser.type("#tag", "FINANCE");
        browser.click(".filters button", "Search");
        browser.waitForText(".result-count", "28 contacts match");
        browser.screenshot("contacts-filtered");
    }

    @Test
    void todayChangesLiveWhenAnotherTabAddsAContact() {
        TestUser user = server.signUp();
        Browser browser = signedIn(desktop(), user);
        browser.go("#/today");
        browser.waitForText("[data-stat=contacts]", "0");
        browser.script("window.stillTheSamePage = true");
        String today = browser.driver().getWindowHandle();

        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go("");
        browser.script("sessionStorage.setItem('rapport.token', arguments[0])", user.token());
        browser.go("#/contacts/new");
        browser.type("#f-givenName", "Rowan");
        browser.type("#f-organization", "Umbrella");
        browser.click("button", "Add contact");
        browser.waitForText("h1", "Rowan");
        browser.click("button", "Request an interview");
        browser.click("button", "Record the request");
        browser.waitForText("[data-status]", "Requested");

        browser.driver().switchTo().window(today);
        browser.waitForText("[data-stat=contacts]", "1");
        browser.waitForText("#awaiting", "Rowan");
        assertThat(browser.script("return window.stillTheSamePage")).as("updated without a reload").isEqualTo(true);
        browser.screenshot("today-live");
    }

    @Test
    void aRefusalShowsNextToTheFieldItNamesAndChangesNothing() {
        TestUser user = server.signUp();
        Browser browser = signedIn(desktop(), user);
        browser.go("#/contacts/new");
        browser.type("#f-givenName", "Sam");
        browser.type("#f-emails", "sam at example");
        browser.click("button", "Add contact");
        WebElement error = browser.find("#e-emails");
        assertThat(error.getText()).contains("must look like an email address");
        assertThat(browser.find("#f-emails").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#f-emails").getAttribute("aria-describedby")).isEqualTo("e-emails");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus moves to the field").isEqualTo("f-emails");
        browser.screenshot("field-error");
        assertThat(user.graphQl("{ contacts { totalCount } }").at("/data/contacts/totalCount").asInt()).isZero();

        browser.type("#f-emails", "sam@example.org");
        browser.click("button", "Add contact");
        browser.waitForText("h1", "Sam");
        browser.click("button", "Request an interview");
        browser.type("#f-requestedMinutes", "90");
        browser.click("button", "Record the request");
        assertThat(browser.find("#e-requestedMinutes").getText()).contains("between 5 and 60");
        assertThat(user.graphQl("{ interviews { totalCount } }").at("/data/interviews/totalCount").asInt()).isZero();
    }

    @Test
    void namesAndNotesAreShownAsTextAndNeverRun() {
        TestUser user = server.signUp();
        String name = "<img src=x onerror=\"window.hacked=1\">";
        ok(user, "mutation($name: String!) { addContact(input: {id: \"x\", givenName: $name, organization: \"<script>window.hacked=2</script>\", source: OTHER, tags: [\"<b onmouseover=alert(1)>t</b>\"]}) { id } }",
           Map.of("name", name));
        ok(user, "mutation { logTouch(input: {contactId: \"x\", at: \"2026-11-01T10:00:00Z\", channel: EMAIL, note: \"<svg onload=window.hacked=3>\"}) { id } }");
        Browser browser = signedIn(desktop(), user);

        browser.go("#/contacts");
        browser.waitForText(".contact-list", name);
        browser.go("#/contacts/x");
        browser.waitForText("h1", name);
        assertThat(browser.text(".contact-head")).contains("<script>window.hacked=2</script>", "<b onmouseover=alert(1)>t</b>");
        assertThat(browser.all("img[src=x], svg[onload], b[onmouseover]")).isEmpty();
        assertThat(browser.script("return window.hacked === undefined")).isEqualTo(true);
        browser.screenshot("contact-hostile-name");
    }

    @Test
    void importsALinkedInExportWithProgressAndShowsTheCalendarFeed() throws Exception {
        TestUser user = server.signUp();
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int n = 0; n < 300; n++) {
            csv.append("Pat,Member%03d,https://www.linkedin.com/in/pat-%03d,,Company %d,Analyst,12 Mar 2024\n".formatted(n, n, n % 17));
        }
        Path file = Files.writeString(dataDir.resolve("Connections.csv"), csv);
        Browser browser = signedIn(desktop(), user);

        browser.go("#/import");
        browser.waitForText("h1", "Import & calendar");
        assertThat(browser.find("#feed-url").getAttribute("value")).matches("http://localhost:\\d+/plugins/calendar-sync/feed/.+\\.ics");
        browser.find("#file").sendKeys(file.toAbsolutePath().toString());
        browser.click("button", "Import");
        browser.waitForText("[data-import-status]", "Done.");
        assertThat(browser.text("[data-import-status]")).contains("300 added");
        WebElement progress = browser.find("#import-progress");
        assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max")).isEqualTo("300");
        browser.screenshot("import");

        Path notAnExport = Files.writeString(dataDir.resolve("shopping.csv"), "milk,eggs\nbread,butter\n");
        browser.find("#file").sendKeys(notAnExport.toAbsolutePath().toString());
        browser.click("button", "Import");
        assertThat(browser.find(".form-error").getText()).contains("not a LinkedIn connections export");
        assertThat(browser.consoleErrors()).as("the refused upload, and nothing else").singleElement(STRING)
                                           .contains("/plugins/linkedin-import/imports", "400");
    }

    @Test
    void signingOutForgetsTheTokenAndEverythingWorksByKeyboard() {
        Browser browser = desktop();
        String email = uniqueEmail();
        server.graphQl(null, "mutation($email: String!) { signUp(email: $email, password: \"" + PASSWORD + "\", displayName: \"Kim\") { token } }",
                       Map.of("email", email));
        browser.go("#/sign-in");
        browser.waitForText("h1", "Sign in");
        WebElement emailField = browser.find("#f-email");
        emailField.click();
        emailField.sendKeys(email, Keys.TAB, PASSWORD, Keys.ENTER);
        browser.waitForText("h1", "Today");
        String token = (String) browser.script("return sessionStorage.getItem('rapport.token')");
        assertThat(token).isNotBlank();
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.script("return document.cookie")).isEqualTo("");

        browser.driver().navigate().refresh();
        browser.waitForText("h1", "Today");
        browser.find("body").sendKeys(Keys.TAB);
        List<String> reached = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            WebElement focused = browser.driver().switchTo().activeElement();
            reached.add(focused.getText());
            focused.sendKeys(Keys.TAB);
        }
        assertThat(reached).contains("Today", "Contacts", "Network", "Sign out", "Add a contact");

        browser.click("button", "Sign out");
        browser.waitForText(".notice", "You are signed out.");
        assertThat(browser.script("return sessionStorage.getItem('rapport.token')")).isNull();
        assertThat(server.graphQl(token, "{ me { id } }", Map.of()).at("/errors/0/extensions/classification").asText()).isEqualTo("UNAUTHORIZED");
        browser.go("#/contacts");
        browser.waitForText("h1", "Sign in");
    }

    @Test
    void todaySuggestsWhatToDoAboutUnansweredRequests() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"old\", givenName: \"Oona\", source: ALUMNI}) { id } }");
        ok(user, "mutation { addContact(input: {id: \"new\", givenName: \"Nils\", source: ALUMNI}) { id } }");
        ok(user, "mutation($at: DateTime!) { requestInterview(input: {contactId: \"old\", channel: EMAIL, requestedMinutes: 20, requestedAt: $at}) { id } }",
           Map.of("at", Instant.now().minus(Duration.ofDays(16)).toString()));
        ok(user, "mutation { requestInterview(input: {contactId: \"new\", channel: LINKEDIN, requestedMinutes: 15}) { id } }");
        Browser browser = signedIn(desktop(), user);

        browser.go("#/today");
        WebElement stale = browser.withText("#awaiting li", "Oona");
        assertThat(stale.getText()).contains("Asked 16 days ago by email", "Two weeks without an answer");
        assertThat(browser.withText("#awaiting li", "Nils").getText()).contains("Asked today by linkedin", "Give it time");
        browser.screenshot("today-awaiting");
        stale.findElement(By.tagName("button")).click();
        browser.waitUntil(d -> browser.all("#awaiting li").size() == 1);
        assertThat(browser.text("#awaiting")).contains("Nils").doesNotContain("Oona");
        assertThat(user.graphQl("{ contact(id: \"old\") { interviews { status } } }").at("/data/contact/interviews/0/status").asText())
                .isEqualTo("NO_RESPONSE");
    }

    @Test
    void pagesOfDisabledPluginsAreHidden(@TempDir Path otherDataDir) {
        // The page closes before its server stops: its subscription would otherwise log the refused reconnect.
        try (TestServer plain = TestServer.start(otherDataDir, "--rapport.plugins.linkedin-import.enabled=false",
                                                 "--rapport.plugins.calendar-sync.enabled=false");
             Browser browser = Browser.open(plain.base(), 1280, 900)) {
            signedIn(browser, plain.signUp());
            browser.go("#/today");
            browser.waitForText("h1", "Today");
            assertThat(browser.all("nav#nav a").stream().map(WebElement::getText)).containsExactly("Today", "Contacts", "Network");
            assertThat(browser.text(".first-steps")).doesNotContain("LinkedIn");
            browser.go("#/import");
            browser.waitForText("h1", "Today");
            assertThat(browser.consoleErrors()).as("errors the page logged").isEmpty();
        }
    }

    @Test
    void worksAtPhoneWidth() {
        TestUser user = server.signUp();
        ok(user, "mutation { addContact(input: {id: \"ji\", givenName: \"Ji-woo\", familyName: \"Han\", title: \"Staff Engineer\", organization: \"Hooli\", source: ALUMNI, tags: [\"platform\"]}) { id } }");
        Browser browser = signedIn(Browser.open(server.base(), 390, 844), user);
        browsers.add(browser);

        browser.go("#/today");
        browser.waitForText("h1", "Today");
        assertThat(browser.all("nav#nav a").get(0).isDisplayed()).as("the menu starts folded").isFalse();
        assertNoSidewaysScrolling(browser);
        browser.screenshot("phone-today");
        browser.click("button", "Menu");
        browser.click("nav a", "Contacts");
        browser.waitForText(".contact-list", "Ji-woo Han");
        assertNoSidewaysScrolling(browser);
        browser.screenshot("phone-contacts");
        browser.click(".contact-list a", "Ji-woo Han");
        browser.waitForText("h1", "Ji-woo Han");
        assertNoSidewaysScrolling(browser);
        browser.screenshot("phone-contact");
    }

    private static void assertNoSidewaysScrolling(Browser browser) {
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
    }

    private Browser desktop() {
        Browser browser = Browser.open(server.base(), 1280, 1000);
        browsers.add(browser);
        return browser;
    }

    /** Starts the page signed in as {@code user}, as if they had signed in in this tab. */
    private static Browser signedIn(Browser browser, TestUser user) {
        browser.go("");
        browser.script("sessionStorage.setItem('rapport.token', arguments[0])", user.token());
        return browser;
    }

    private static String uniqueEmail() {
        return "maya." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String inputTime(LocalDateTime time) {
        return time.format(LOCAL_INPUT);
    }

    private static void ok(TestUser user, String document) {
        ok(user, document, Map.of());
    }

    private static void ok(TestUser user, String document, Map<String, ?> variables) {
        var answer = user.graphQl(document, variables);
        assertThat(answer.path("errors").isMissingNode()).as("%s", answer).isTrue();
    }
}
