package io.keywarden.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's procedures in a real browser (Debian's headless Chromium, one for the class) against the real server:
 * sign in with an access key, create a key and authenticate with the downloaded CSV's pair, make it inactive (the API
 * refuses it) and active again, delete it only once inactive, the Users list with the Access key ID column for many
 * users, a key's owner from the search box, a denied action's AWS error, sign out (the session is refused after). Each
 * page passes an axe-core check (no serious or critical violation; axe is injected by the test, never served) and is
 * photographed to {@code docs/console/}. Without Chromium it skips, unless {@code KEYWARDEN_TEST_BROWSER_REQUIRED=true}
 * (CI), where it fails.
 */
@SlowTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ServerTestSupport {
    static final String BROWSER_REQUIRED = "KEYWARDEN_TEST_BROWSER_REQUIRED";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE_VERSION = "4.10.2";
    private static final Path SCREENSHOTS = Path.of("..", "docs", "console");
    private static final String ADMIN_POLICY = "{\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\","
            + "\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"*\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}";

    @Inject
    javax.sql.DataSource dataSource;

    private WebDriver browser;
    private WebDriverWait wait;
    private String adminKeyId;
    private String adminSecret;
    private final Map<String, Long> interactiveMillis = new LinkedHashMap<>();
    private final Map<String, Integer> axeViolations = new LinkedHashMap<>();

    @BeforeAll
    void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv(BROWSER_REQUIRED))) {
                throw new IllegalStateException(BROWSER_REQUIRED + "=true but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort("no Chromium (apt-get install -y chromium chromium-driver)");
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900");
        browser = new ChromeDriver(options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"admin\"}").status()).isEqualTo(201);
        assertThat(root.put("/v1/users/admin/policies/all", ADMIN_POLICY).status()).isEqualTo(204);
        Response key = root.post("/v1/users/admin/access-keys", null);
        adminKeyId = key.json().path("accessKeyId").asText();
        adminSecret = key.json().path("secretAccessKey").asText();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (!interactiveMillis.isEmpty()) {
            String report = "interactive (ms, loopback): " + interactiveMillis + "\naxe serious/critical: "
                    + axeViolations + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "console-browser-report.txt"), report);
        }
    }

    private String console() {
        return baseUri().resolve("/console/").toString();
    }

    private WebElement visible(String css) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (RuntimeException e) {
            try {
                Files.writeString(Path.of("target", "console-browser-failure.html"), browser.getCurrentUrl() + "\n"
                        + browser.getPageSource());
            } catch (IOException | RuntimeException ignored) {
                // the diagnosis is a courtesy; the failure below is what counts
            }
            throw e;
        }
    }

    private void signInWithKey(String keyId, String secret) {
        browser.get(console());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        visible("#key-id").sendKeys(keyId);
        browser.findElement(By.id("key-secret")).sendKeys(secret);
        browser.findElement(By.id("key-sign-in")).click();
        visible("#sign-out");
    }

    /**
     * Opens a page by its hash, reloads it and waits for {@code readyCss}; records how long the reload took until the
     * page was usable (the first {@code get} may only change the hash of the page already open, so it is not timed).
     */
    private void open(String name, String hash, String readyCss) {
        browser.get(console() + hash);
        long start = System.nanoTime();
        browser.navigate().refresh();
        visible(readyCss);
        interactiveMillis.put(name, (System.nanoTime() - start) / 1_000_000);
    }

    private void check(String page) {
        axe(page);
        screenshot(page);
    }

    @SuppressWarnings("unchecked")
    private void axe(String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> violations = (List<String>) result;
        axeViolations.put(page, violations.size());
        assertThat(violations).as("axe on " + page).isEmpty();
    }

    /**
     * axe-core's {@code axe.min.js}: the {@code org.webjars.npm:axe-core} webjar when it is on the class path (Maven
     * Central serves no current version of it here), otherwise the npm package {@code axe-core@4.10.2}, fetched once
     * into {@code target/} with {@code npm pack}. Injected by the test only, never served to users' pages.
     */
    private static String axeSource() {
        try (InputStream in = ConsoleBrowserTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.10.2/axe.min.js")) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path dir = Path.of("target", "axe-core");
            Path axe = dir.resolve("package").resolve("axe.min.js");
            if (!Files.exists(axe)) {
                Files.createDirectories(dir);
                run(dir, "npm", "pack", "axe-core@" + AXE_VERSION, "--silent");
                run(dir, "tar", "xzf", "axe-core-" + AXE_VERSION + ".tgz");
            }
            return Files.readString(axe);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is needed for the accessibility check", e);
        }
    }

    private static void run(Path dir, String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(page + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode sessionInBrowser() throws IOException {
        String raw = (String) ((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('keywarden.console.session')");
        assertThat(raw).isNotNull();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw);
    }

    @Test
    @Order(1)
    void signInPageAndSignInWithAnAccessKey() throws IOException {
        browser.manage().window().setSize(new Dimension(1280, 900));
        open("sign-in", "", "#password-form");
        assertThat(browser.findElement(By.cssSelector("label[for=account]")).getText()).isEqualTo("Account ID or alias");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("IAM user name");
        assertThat(browser.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
        check("sign-in");

        signInWithKey(adminKeyId, adminSecret);
        JsonNode session = sessionInBrowser();
        assertThat(session.path("credentials").path("accessKeyId").asText()).startsWith("ASIA");
        String local = (String) ((JavascriptExecutor) browser).executeScript(
                "return JSON.stringify(Object.assign({}, localStorage))");
        assertThat(local).doesNotContain(adminSecret).doesNotContain(session.path("credentials")
                .path("secretAccessKey").asText());
        assertThat(browser.manage().getCookies()).isEmpty();
        open("dashboard", "#/dashboard", "#rec-title");
        check("dashboard");
    }

    @Test
    @Order(2)
    void createAKeyDownloadItsCsvAndAuthenticateWithIt() {
        open("my-security-credentials", "#/credentials", "#create-key");
        check("my-security-credentials");
        // absent parts of a page are left out, never written as the text "null"
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain("null");
        visible("#create-key").click();
        visible("#new-key-dialog");
        assertThat(browser.findElement(By.id("new-secret")).getText()).doesNotContain("/").startsWith("****");
        browser.findElement(By.id("show-secret")).click();
        // the dialog re-renders the secret's element when shown: read it afresh until it is the secret
        String shownSecret = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            String text = d.findElement(By.id("new-secret")).getText();
            return text.startsWith("****") ? null : text;
        });
        String href = browser.findElement(By.id("download-csv")).getAttribute("href");
        check("create-access-key");
        String csv = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8);
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("Access key ID,Secret access key");
        String[] pair = lines[1].split(",");
        assertThat(pair[1]).isEqualTo(shownSecret);
        Response identity = as(pair[0], pair[1]).withScope("us-east-1", "sts").get("/v1/caller-identity");
        assertThat(identity.status()).as(identity.toString()).isEqualTo(200);
        assertThat(identity.json().path("arn").asText()).endsWith(":user/admin");

        browser.findElement(By.id("close-new-key")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("new-key-dialog"), 0));
        assertThat(browser.getPageSource()).doesNotContain(pair[1]);
        // two keys now: the limit, said
        // the section re-renders after Close: look the button up afresh each time rather than keep one found before
        visible("#create-key");
        wait.until(d -> !d.findElements(By.id("limit-note")).isEmpty() || !d.findElement(By.id("create-key")).isEnabled());
        assertThat(visible("#limit-note").getText()).contains("maximum of two access keys");
        assertThat(browser.findElement(By.id("create-key")).isEnabled()).isFalse();

        // make it inactive: the API refuses it; active again: accepted; delete only once inactive
        String row = "tr[data-key='" + pair[0] + "']";
        assertThat(browser.findElements(By.cssSelector(row + " button.delete"))).isEmpty();
        visible(row + " button.toggle").click();
        wait.until(d -> d.findElement(By.cssSelector(row + " .status")).getText().equals("Inactive"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as(pair[0], pair[1])
                .withScope("us-east-1", "sts").get("/v1/caller-identity").code()).isEqualTo("InvalidClientTokenId"));
        visible(row + " button.toggle").click();
        wait.until(d -> d.findElement(By.cssSelector(row + " .status")).getText().equals("Active"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(as(pair[0], pair[1])
                .withScope("us-east-1", "sts").get("/v1/caller-identity").status()).isEqualTo(200));
        visible(row + " button.toggle").click();
        wait.until(d -> d.findElement(By.cssSelector(row + " .status")).getText().equals("Inactive"));
        visible(row + " button.delete").click();
        WebElement confirm = visible("#confirm-delete");
        assertThat(confirm.isEnabled()).isFalse();
        browser.findElement(By.id("confirm-key-id")).sendKeys(pair[0]);
        assertThat(confirm.isEnabled()).isTrue();
        check("delete-access-key");
        confirm.click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(row), 0));
        assertThat(root().get("/v1/users/admin/access-keys").body()).doesNotContain(pair[0]);
    }

    @Test
    @Order(3)
    void usersListShowsEveryUsersKeysAndFindsAKeysOwner() {
        SignedClient root = root();
        List<String> keyIds = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String name = String.format("user%02d", i);
            assertThat(root.post("/v1/users", "{\"userName\":\"" + name + "\"}").status()).isEqualTo(201);
            if (i % 3 != 0) {
                keyIds.add(root.post("/v1/users/" + name + "/access-keys", null).json().path("accessKeyId").asText());
            }
        }
        open("users", "#/users", "#users-table");
        check("users");
        String table = browser.findElement(By.id("users-table")).getText();
        assertThat(table).contains("Access key ID").contains(keyIds.get(0) + " - Active").contains("None");
        assertThat(browser.findElement(By.cssSelector("th[data-column=userName]")).getAttribute("aria-sort"))
                .isEqualTo("ascending");
        assertThat(browser.findElements(By.cssSelector("#users-table tbody tr"))).hasSize(20);
        visible("#next-page").click();
        wait.until(d -> d.findElement(By.id("users-table")).getText().contains("user29"));
        visible("#previous-page").click();
        wait.until(d -> d.findElement(By.id("users-table")).getText().contains("admin"));

        // sort by a column: a button in its header, by mouse and then by keyboard
        browser.findElement(By.id("sort-activeKeyAge")).click();
        wait.until(d -> "ascending".equals(d.findElement(By.cssSelector("th[data-column=keyAge]"))
                .getAttribute("aria-sort")));
        assertThat(firstRowUser()).as("no Active key (\"None\") first, by name").isEqualTo("user00");
        assertThat(browser.findElement(By.cssSelector("th[data-column=userName]")).getAttribute("aria-sort"))
                .isEqualTo("none");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> "descending".equals(d.findElement(By.cssSelector("th[data-column=keyAge]"))
                .getAttribute("aria-sort")));
        assertThat(firstRowUser()).as("the oldest Active key first").isEqualTo("admin");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("sort-activeKeyAge");

        browser.findElement(By.id("manage-columns-button")).click();
        assertThat(visible("#manage-columns").getText()).contains("Access key last used").contains("Password age")
                .contains("Console last sign-in");
        browser.findElement(By.cssSelector("#manage-columns input[value=passwordAge]")).click();
        visible("#sort-passwordAge").click();
        wait.until(d -> "ascending".equals(d.findElement(By.cssSelector("th[data-column=passwordAge]"))
                .getAttribute("aria-sort")));
        assertThat(browser.findElement(By.id("users-table")).getText()).contains("Password age");

        WebElement search = browser.findElement(By.id("user-search"));
        search.clear();
        search.sendKeys("USER4");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#users-table tbody tr")).size() == 5);

        String wanted = keyIds.get(7);
        search.clear();
        search.sendKeys(wanted);
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        wait.until(d -> d.findElements(By.cssSelector("#users-table tbody tr")).size() == 1
                && d.findElement(By.id("users-table")).getText().contains(wanted));
        String owner = browser.findElement(By.cssSelector("#users-table tbody tr")).getAttribute("data-user");
        assertThat(root.get("/v1/users/" + owner + "/access-keys").body()).contains(wanted);
        check("find-key-owner");
    }

    private String firstRowUser() {
        return browser.findElement(By.cssSelector("#users-table tbody tr")).getAttribute("data-user");
    }

    @Test
    @Order(4)
    void theSixStepRotationWithAClientRunningBesideItLosesNoRequest() throws Exception {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"rotated\"}").status()).isEqualTo(201);
        Response old = root.post("/v1/users/rotated/access-keys", null);
        String oldId = old.json().path("accessKeyId").asText();
        java.util.concurrent.atomic.AtomicReference<String[]> current = new java.util.concurrent.atomic
                .AtomicReference<>(new String[]{oldId, old.json().path("secretAccessKey").asText()});
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (running.get()) {
                String[] k = current.get();
                Response r = as(k[0], k[1]).withScope("us-east-1", "sts").get("/v1/caller-identity");
                if (r.status() == 200) {
                    ok.incrementAndGet();
                } else {
                    failures.add(r.toString());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        client.start();
        try {
            open("user", "#/users/rotated/security-credentials", "a.rotate");
            check("user");
            browser.findElement(By.cssSelector("a.rotate")).click();
            visible("#rotate-create").click();
            visible("#new-key-dialog");
            String href = browser.findElement(By.id("download-csv")).getAttribute("href");
            String[] pair = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8)
                    .split("\n")[1].split(",");
            browser.findElement(By.id("close-new-key")).click();
            current.set(pair); // step 2: the application now uses the new key
            visible("#rotate-updated").click();
            wait.until(d -> !d.findElement(By.id("old-last-used")).getText().equals("N/A")
                    && !d.findElement(By.id("old-last-used")).getText().equals("…"));
            check("rotate-access-key");
            browser.findElement(By.id("rotate-unused")).click();
            visible("#rotate-deactivate").click();
            visible("#rotate-fine").click();
            visible("#rotate-delete").click();
            assertThat(visible("#rotate-done").getText()).contains(oldId).contains(pair[0]);
            int before = ok.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> ok.get() > before + 3);
        } finally {
            running.set(false);
            client.join();
        }
        assertThat(failures).isEmpty();
        assertThat(root.get("/v1/users/rotated/access-keys").body()).doesNotContain(oldId);
    }

    @Test
    @Order(4)
    void rolesCredentialReportAndAuditPagesWork() {
        open("roles", "#/roles", "#roles-table");
        browser.findElement(By.id("role-name")).sendKeys("console-role");
        browser.findElement(By.cssSelector("#create-role-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("roles-table")).getText().contains("console-role"));
        check("roles");
        open("credential-report", "#/credential-report", "#generate-report");
        browser.findElement(By.id("generate-report")).click();
        String report = visible("#download-report").getAttribute("href");
        assertThat(URLDecoder.decode(report.substring(report.indexOf(',') + 1), StandardCharsets.UTF_8))
                .startsWith("user,arn,user_creation_time").contains("admin");
        check("credential-report");
        open("audit-events", "#/audit", "#audit-table");
        wait.until(d -> d.findElement(By.id("audit-verification")).getText().startsWith("Trail verif"));
        check("audit-events");
    }

    @Test
    @Order(5)
    void aDeniedActionShowsTheAwsErrorCodeAndMessage() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"nobody\"}").status()).isEqualTo(201);
        Response key = root.post("/v1/users/nobody/access-keys", null);
        signInWithKey(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
        open("denied", "#/users", "#users-table-wrap .error");
        assertThat(browser.findElement(By.cssSelector("#users-table-wrap .error")).getText())
                .startsWith("AccessDenied: ").contains("is not authorized to perform: keywarden:ListUserSummaries");
        check("access-denied");
    }

    @Test
    @Order(5)
    void signingOutRevokesTheSessionOnTheServer() throws IOException {
        signInWithKey(adminKeyId, adminSecret);
        JsonNode c = sessionInBrowser().path("credentials");
        SignedClient session = SignedClient.of(baseUri(), c.path("accessKeyId").asText(),
                c.path("secretAccessKey").asText(), c.path("sessionToken").asText());
        assertThat(session.get("/v1/caller-identity").status()).isEqualTo(200);
        browser.findElement(By.id("sign-out")).click();
        visible("#password-form");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return sessionStorage.getItem('keywarden.console.session')")).isNull();
        assertThat(session.get("/v1/caller-identity").code()).isEqualTo("InvalidClientTokenId");
    }

    @Test
    @Order(6)
    void readableAtPhoneWidth() {
        signInWithKey(adminKeyId, adminSecret);
        browser.manage().window().setSize(new Dimension(390, 844));
        open("users-phone", "#/users", "#users-table");
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1");
        assertThat(overflow).as("no horizontal page scroll at 390 px").isEqualTo(false);
        check("users-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    @Order(7)
    void signInWithAPasswordRemembersTheAccountAndUserName() {
        SignedClient root = root();
        assertThat(root.post("/v1/users/admin/login-profile",
                "{\"password\":\"Correct-Horse-9\",\"passwordResetRequired\":false}").status()).isIn(200, 201);
        browser.get(console());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.navigate().refresh();
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        visible("#account").sendKeys(account);
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("wrong-password");
        browser.findElement(By.id("sign-in")).click();
        assertThat(visible("#sign-in-error").getText())
                .isEqualTo("Your authentication information is incorrect. Please try again.");
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys("Correct-Horse-9");
        browser.findElement(By.id("sign-in")).click();
        visible("#sign-out").click();
        assertThat(visible("#account").getAttribute("value")).isEqualTo(account);
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("admin");
        browser.findElement(By.id("different-account")).click();
        assertThat(browser.findElement(By.id("account")).getAttribute("value")).isEmpty();
    }

    @Test
    @Order(8)
    void repeatedWrongPasswordsLockTheUserOutWithTheSameGenericMessage() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"locked-out\"}").status()).isIn(200, 201);
        assertThat(root.post("/v1/users/locked-out/login-profile",
                "{\"password\":\"Correct-Horse-9\",\"passwordResetRequired\":false}").status()).isIn(200, 201);
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        // five wrong passwords, sent as the sign-in page sends them
        for (int i = 0; i < 5; i++) {
            Response refused = anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account
                    + "\",\"userName\":\"locked-out\",\"password\":\"wrong-password-" + i + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        }
        browser.get(console());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.navigate().refresh();
        visible("#account").sendKeys(account);
        browser.findElement(By.id("username")).sendKeys("locked-out");
        browser.findElement(By.id("password")).sendKeys("Correct-Horse-9");
        browser.findElement(By.id("sign-in")).click();
        // the right password now gets the same message as a wrong one: locked out, and the page does not say so
        assertThat(visible("#sign-in-error").getText())
                .isEqualTo("Your authentication information is incorrect. Please try again.");
        assertThat(browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
        assertThat(visible("#password-form").isDisplayed()).isTrue();
    }

    /** Signs out (when signed in) and signs in with a password from the sign-in page, as a user would. */
    private void signInWithPassword(String account, String userName, String password) {
        browser.get(console());
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
        browser.navigate().refresh();
        visible("#account").sendKeys(account);
        browser.findElement(By.id("username")).sendKeys(userName);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    private void setValue(String id, String value) {
        WebElement input = visible("#" + id);
        input.clear();
        input.sendKeys(value);
    }

    @Test
    @Order(9)
    void aPasswordPolicySetInAccountSettingsIsEnforcedOnTheForcedChangeAfterConsoleAccessIsEnabled() {
        SignedClient root = root();
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        root.delete("/v1/account/password-policy"); // the default policy to start from, whatever ran before
        signInWithKey(adminKeyId, adminSecret);

        // Account settings: the default policy, then minimum length 14 and symbols required
        open("account-settings", "#/account-settings", "#edit-password-policy");
        assertThat(visible("#password-policy-summary").getText()).contains("default password policy");
        assertThat(browser.findElement(By.id("account-id")).getText()).isEqualTo(account);
        check("account-settings");
        browser.findElement(By.id("edit-password-policy")).click();
        setValue("pp-minimum-length", "14");
        browser.findElement(By.id("pp-symbols")).click();
        assertThat(browser.findElement(By.id("pp-allow-change")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("pp-max-age")).isEnabled()).isFalse();
        check("edit-password-policy");
        browser.findElement(By.id("save-password-policy")).click();
        wait.until(d -> d.findElement(By.id("password-policy-summary")).getText().contains("custom password policy"));
        assertThat(browser.findElement(By.id("password-policy-rules")).getText())
                .contains("Minimum password length is 14 characters")
                .contains("Require at least one non-alphanumeric character");
        JsonNode policy = root.get("/v1/account/password-policy").json();
        assertThat(policy.path("minimumPasswordLength").asInt()).isEqualTo(14);
        assertThat(policy.path("requireSymbols").asBoolean()).isTrue();
        assertThat(policy.path("requireNumbers").asBoolean()).isFalse();
        assertThat(policy.path("allowUsersToChangePassword").asBoolean()).isTrue();

        // the account alias: create, shown, delete
        setValue("new-account-alias", "keywarden-console");
        browser.findElement(By.id("create-account-alias")).click();
        wait.until(d -> d.findElement(By.id("current-alias")).getText().equals("keywarden-console"));
        assertThat(root.get("/v1/account/aliases").body()).contains("keywarden-console");
        visible("#delete-account-alias").click();
        wait.until(d -> d.findElement(By.id("current-alias")).getText().equals("None"));
        assertThat(root.get("/v1/account/aliases").json().path("accountAliases")).isEmpty();

        // a user's page: enable console access with "User must create a new password at next sign-in"
        assertThat(root.post("/v1/users", "{\"userName\":\"newcomer\"}").status()).isEqualTo(201);
        open("user-console-access", "#/users/newcomer/security-credentials", "#enable-console-access");
        assertThat(browser.findElement(By.id("console-password-status")).getText()).isEqualTo("Disabled");
        browser.findElement(By.id("enable-console-access")).click();
        visible("#enable-console-form-custom").click();
        setValue("enable-console-form-password", "short");
        assertThat(browser.findElement(By.id("enable-console-form-reset")).isSelected()).isTrue();
        browser.findElement(By.id("enable-console-form-submit")).click();
        assertThat(visible("#enable-console-form-error").getText())
                .isEqualTo("PasswordPolicyViolation: Password should have a minimum length of 14");
        setValue("enable-console-form-password", "First-Password-2026!");
        browser.findElement(By.id("enable-console-form-submit")).click();
        wait.until(d -> d.findElement(By.id("console-password-status")).getText().equals("Enabled"));
        assertThat(browser.findElement(By.id("password-reset-required")).getText()).isEqualTo("Yes");
        assertThat(browser.findElement(By.id("password-last-changed")).getText()).contains("UTC");
        check("user-console-access");
        assertThat(root.get("/v1/users/newcomer/login-profile").json().path("passwordResetRequired").asBoolean())
                .isTrue();

        // the user signs in, must change the password: one that breaks the policy is refused with its message
        signInWithPassword(account, "newcomer", "First-Password-2026!");
        visible("#change-password-form");
        setValue("old-password", "First-Password-2026!");
        setValue("new-password", "NoSymbolsButLong2026");
        setValue("new-password-2", "NoSymbolsButLong2026");
        browser.findElement(By.cssSelector("#change-password-form button[type=submit]")).click();
        assertThat(visible("#change-password-form .error").getText())
                .isEqualTo("PasswordPolicyViolation: Password should have at least one symbol");
        check("change-password");
        setValue("old-password", "First-Password-2026!");
        setValue("new-password", "Second-Password-2026!");
        setValue("new-password-2", "Second-Password-2026!");
        browser.findElement(By.cssSelector("#change-password-form button[type=submit]")).click();
        visible("#rec-title");
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("newcomer");
        assertThat(root.get("/v1/users/newcomer/login-profile").json().path("passwordResetRequired").asBoolean())
                .isFalse();
        assertThat(anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account
                + "\",\"userName\":\"newcomer\",\"password\":\"Second-Password-2026!\"}").status()).isEqualTo(200);

        // reset by an administrator, then disabled: the user page says so and the API agrees
        signInWithKey(adminKeyId, adminSecret);
        open("user-console-access-enabled", "#/users/newcomer/security-credentials", "#reset-password");
        browser.findElement(By.id("reset-password")).click();
        visible("#reset-password-form-custom").click();
        setValue("reset-password-form-password", "Third-Password-2026!");
        browser.findElement(By.id("reset-password-form-submit")).click();
        wait.until(d -> d.findElement(By.id("password-reset-required")).getText().equals("Yes"));
        assertThat(anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account
                + "\",\"userName\":\"newcomer\",\"password\":\"Third-Password-2026!\"}").status()).isEqualTo(200);
        visible("#disable-console-access").click();
        wait.until(d -> d.findElement(By.id("console-password-status")).getText().equals("Disabled"));
        assertThat(root.get("/v1/users/newcomer/login-profile").code()).isEqualTo("NoSuchEntity");

        // Delete the policy: the default one applies again
        open("account-settings-policy", "#/account-settings", "#delete-password-policy");
        browser.findElement(By.id("delete-password-policy")).click();
        wait.until(d -> d.findElement(By.id("password-policy-summary")).getText().contains("default password policy"));
        assertThat(root.get("/v1/account/password-policy").code()).isEqualTo("NoSuchEntity");
    }

    @Test
    @Order(10)
    void managedPoliciesAttachAndDetachAndTagsAreAddedAndRemovedOnTheUsersPermissionsTab() {
        SignedClient root = root();
        Response created = root.post("/v1/policies", "{\"policyName\":\"ConsoleReadOnly\",\"description\":"
                + "\"read keys\",\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":"
                + "[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"iam:ListAccessKeys\\\","
                + "\\\"Resource\\\":\\\"*\\\"}]}\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String arn = created.json().path("arn").asText();
        root.post("/v1/users", "{\"userName\":\"newcomer\"}");
        signInWithKey(adminKeyId, adminSecret);

        open("user-permissions", "#/users/newcomer", "#attach-policy-form");
        assertThat(browser.findElement(By.id("tab-permissions")).getAttribute("aria-selected")).isEqualTo("true");
        wait.until(d -> !d.findElements(By.cssSelector("#attach-policy-arn option[value='" + arn + "']")).isEmpty());
        new Select(browser.findElement(By.id("attach-policy-arn"))).selectByValue(arn);
        browser.findElement(By.id("attach-policy")).click();
        By detach = By.xpath("//button[normalize-space()='Detach ConsoleReadOnly']");
        visible("#permissions");
        wait.until(ExpectedConditions.visibilityOfElementLocated(detach));
        assertThat(root.get("/v1/users/newcomer/attached-policies").body()).contains(arn);
        assertThat(browser.findElements(By.cssSelector("#attach-policy-arn option[value='" + arn + "']"))).isEmpty();

        setValue("tag-key", "team");
        setValue("tag-value", "payments");
        browser.findElement(By.cssSelector("#add-tag-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.id("tags-table")).getText().contains("payments"));
        assertThat(root.get("/v1/users/newcomer/tags").body()).contains("\"key\":\"team\"")
                .contains("\"value\":\"payments\"");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.findElement(detach));
        check("user-permissions");

        browser.findElement(By.cssSelector("tr[data-tag='team'] button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-tag='team']"), 0));
        assertThat(root.get("/v1/users/newcomer/tags").body()).doesNotContain("payments");

        browser.findElement(detach).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(detach, 0));
        assertThat(root.get("/v1/users/newcomer/attached-policies").body()).doesNotContain(arn);
        wait.until(d -> !d.findElements(By.cssSelector("#attach-policy-arn option[value='" + arn + "']")).isEmpty());
    }

    @Test
    @Order(11)
    void anAccessKeyCreatedWithADescriptionShowsIt() {
        SignedClient root = root();
        root.post("/v1/users", "{\"userName\":\"newcomer\"}");
        signInWithKey(adminKeyId, adminSecret);
        open("credentials-description", "#/credentials", "#new-key-description");
        assertThat(browser.findElement(By.cssSelector("label[for=new-key-description]")).getText())
                .isEqualTo("Description tag value - optional");

        open("user-security-credentials", "#/users/newcomer/security-credentials", "#create-key");
        setValue("new-key-description", "CI deploy for payments");
        browser.findElement(By.id("create-key")).click();
        String keyId = visible("#new-key-id").getText();
        browser.findElement(By.id("close-new-key")).click();
        String row = "tr[data-key='" + keyId + "']";
        wait.until(d -> !d.findElements(By.cssSelector(row)).isEmpty()
                && d.findElement(By.cssSelector(row + " .description")).getText().equals("CI deploy for payments"));
        assertThat(root.get("/v1/users/newcomer/access-keys").body()).contains("CI deploy for payments");
        assertThat(root.get("/v1/users/newcomer/tags").body()).contains(keyId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.findElement(By.cssSelector(row)));
        check("user-security-credentials");

        // the keyboard moves between the tabs (arrow keys), and the tab is in the address
        WebElement tab = browser.findElement(By.id("tab-security-credentials"));
        tab.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT);
        wait.until(d -> "true".equals(d.findElement(By.id("tab-permissions")).getAttribute("aria-selected")));
        assertThat(browser.getCurrentUrl()).endsWith("#/users/newcomer/permissions");
        assertThat(browser.findElement(By.id("panel-security-credentials")).isDisplayed()).isFalse();
    }

    @Test
    @Order(12)
    void aDeniedCallOnAccountSettingsShowsTheAwsErrorCodeAndMessage() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"no-settings\"}").status()).isEqualTo(201);
        Response key = root.post("/v1/users/no-settings/access-keys", null);
        signInWithKey(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
        open("account-settings-denied", "#/account-settings", "#password-policy .error");
        assertThat(browser.findElement(By.cssSelector("#password-policy .error")).getText())
                .startsWith("AccessDenied: ").contains("iam:GetAccountPasswordPolicy");
        assertThat(visible("#account-alias .error").getText()).startsWith("AccessDenied: ");
        assertThat(visible("#key-expiry-policy .error").getText()).startsWith("AccessDenied: ")
                .contains("keywarden:GetKeyExpiryPolicy");
    }

    @Test
    @Order(13)
    void theDashboardCountsOldAndUnusedKeysAccountWideAndShowsWhatTheExpiryPolicyWillDo() throws SQLException {
        // the caller of the last test may list its own keys but not read the report: the dashboard counts its own
        // keys and says why
        assertThat(root().put("/v1/users/no-settings/policies/own-keys", "{\"policyDocument\":\"{\\\"Version\\\":"
                + "\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":"
                + "\\\"iam:ListAccessKeys\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}").status()).isEqualTo(204);
        open("dashboard-own-keys", "#/dashboard", "#old-keys");
        assertThat(browser.findElement(By.id("old-keys")).getText())
                .isEqualTo("Your active access keys older than 90 days: 0");
        assertThat(browser.findElement(By.id("main")).getText()).contains("keywarden:GetKeyHygieneReport");

        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"stale\"}").status()).isEqualTo(201);
        String stale = root.post("/v1/users/stale/access-keys", null).json().path("accessKeyId").asText();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE access_keys SET create_date = ? WHERE access_key_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(120))));
            ps.setString(2, stale);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(root.put("/v1/key-hygiene/policy", "{\"warnAfterDays\":80,\"deactivateAfterDays\":90,"
                + "\"exemptions\":[{\"tagKey\":\"break-glass\"}],\"dryRun\":true}").status()).isEqualTo(200);
        try {
            signInWithKey(adminKeyId, adminSecret);
            open("dashboard", "#/dashboard", "#hygiene-title");
            // account-wide: the root user's key (the test's root client signs with it) and the aged key of another user
            assertThat(visible("#root-key-warning").getText()).startsWith("Root user has active access keys.");
            assertThat(browser.findElement(By.id("old-keys")).getText())
                    .isEqualTo("Active access keys older than 90 days: 1");
            assertThat(browser.findElement(By.id("unused-keys")).getText())
                    .isEqualTo("Active access keys unused for more than 90 days: 1");
            assertThat(browser.findElement(By.id("expiry-policy")).getText()).isEqualTo("Key expiry policy: "
                    + "warn after 80 days; deactivate after 90 days; except owners tagged break-glass "
                    + "(dry run: reported, not done).");
            String row = "#hygiene-table tr[data-key='" + stale + "']";
            assertThat(visible(row + " .state").getText()).isEqualTo("overdue");
            assertThat(browser.findElement(By.cssSelector(row + " .next")).getText()).isEqualTo("Deactivate");
            assertThat(browser.findElement(By.cssSelector(row)).getText()).contains("now (dry run)").contains("stale");
            assertThat(browser.findElements(By.cssSelector("#hygiene-table tbody tr"))).hasSize(1);
            check("dashboard");
        } finally {
            root.delete("/v1/key-hygiene/policy");
        }
    }

    @Test
    @Order(14)
    void aUserChangesItsOwnPasswordFromMySecurityCredentials() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"changer\"}").status()).isEqualTo(201);
        assertThat(root.put("/v1/users/changer/policies/all", ADMIN_POLICY).status()).isEqualTo(204);
        assertThat(root.post("/v1/users/changer/login-profile",
                "{\"password\":\"First-Pass-word-1\",\"passwordResetRequired\":false}").status()).isIn(200, 201);
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        signInWithPassword(account, "changer", "First-Pass-word-1");
        visible("#sign-out");

        open("my-change-password", "#/credentials", "#change-password");
        browser.findElement(By.id("change-password")).click();
        visible("#change-password-form");
        assertThat(browser.findElement(By.id("change-password-form")).getText())
                .doesNotContain("You must change your password");
        axe("change-password-own");
        browser.findElement(By.id("old-password")).sendKeys("Not-my-password-1");
        browser.findElement(By.id("new-password")).sendKeys("Second-Pass-word-2");
        browser.findElement(By.id("new-password-2")).sendKeys("Second-Pass-word-2");
        browser.findElement(By.cssSelector("#change-password-form button[type=submit]")).click();
        assertThat(visible("#change-password-form .error").getText())
                .isEqualTo("InvalidUserType: The old password is incorrect.");
        browser.findElement(By.id("old-password")).clear();
        browser.findElement(By.id("old-password")).sendKeys("First-Pass-word-1");
        browser.findElement(By.cssSelector("#change-password-form button[type=submit]")).click();
        assertThat(visible("#password-changed").getText()).isEqualTo("Your password has been changed.");

        String body = "{\"account\":\"" + account + "\",\"userName\":\"changer\",\"password\":\"%s\"}";
        assertThat(anonymous().post("/v1/console/sign-in", body.formatted("Second-Pass-word-2")).status())
                .isEqualTo(200);
        assertThat(anonymous().post("/v1/console/sign-in", body.formatted("First-Pass-word-1")).status())
                .isEqualTo(403);
    }

    @Test
    @Order(15)
    void aRolesPageShowsItsTrustPolicyAndItsPoliciesAreAddedAttachedAndRemoved() {
        SignedClient root = root();
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        String trust = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":{\\\"AWS\\\":\\\"arn:aws:iam::" + account + ":root\\\"},"
                + "\\\"Action\\\":\\\"sts:AssumeRole\\\"}]}";
        Response created = root.post("/v1/roles", "{\"roleName\":\"deployer\",\"assumeRolePolicyDocument\":\""
                + trust + "\",\"description\":\"ships releases\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response policy = root.post("/v1/policies", "{\"policyName\":\"RoleReader\",\"policyDocument\":\"{\\\"Version\\\":"
                + "\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":"
                + "\\\"iam:GetRole\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        String managed = policy.json().path("arn").asText();
        signInWithKey(adminKeyId, adminSecret);
        open("roles", "#/roles", "#roles-table");
        visible("tr[data-role='deployer'] a").click();
        visible("#role-trust-policy");
        assertThat(browser.findElement(By.id("main")).getText()).contains("ships releases")
                .contains(":role/deployer");
        assertThat(browser.findElement(By.id("role-trust-policy")).getAttribute("value"))
                .contains("\"sts:AssumeRole\"").contains("\n"); // formatted

        setValue("policy-name", "read-keys");
        browser.findElement(By.cssSelector("#add-policy-form button[type=submit]")).click();
        By remove = By.xpath("//button[normalize-space()='Remove read-keys']");
        wait.until(ExpectedConditions.presenceOfElementLocated(remove));
        assertThat(root.get("/v1/roles/deployer/policies").body()).contains("read-keys");
        wait.until(d -> !d.findElements(By.cssSelector("#attach-policy-arn option[value='" + managed + "']")).isEmpty());
        new Select(browser.findElement(By.id("attach-policy-arn"))).selectByValue(managed);
        browser.findElement(By.id("attach-policy")).click();
        By detach = By.xpath("//button[normalize-space()='Detach RoleReader']");
        wait.until(ExpectedConditions.presenceOfElementLocated(detach));
        assertThat(root.get("/v1/roles/deployer/attached-policies").body()).contains(managed);
        assertThat(browser.findElements(By.id("simulate-form"))).isEmpty(); // the simulator is for users
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        check("role");

        // the role's tags: added and removed as a user's are (TagRole, UntagRole)
        setValue("tag-key", "owner");
        setValue("tag-value", "release-team");
        browser.findElement(By.cssSelector("#role-tags #add-tag-form button[type=submit]")).click();
        wait.until(d -> d.findElement(By.cssSelector("#role-tags #tags-table")).getText().contains("release-team"));
        assertThat(root.get("/v1/roles/deployer/tags").body()).contains("\"key\":\"owner\"")
                .contains("\"value\":\"release-team\"");
        browser.findElement(By.cssSelector("#role-tags tr[data-tag='owner'] button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr[data-tag='owner']"), 0));
        assertThat(root.get("/v1/roles/deployer/tags").json().path("tags")).isEmpty();

        // a role with policies cannot be deleted: the AWS error, then detach, remove and delete
        browser.findElement(By.id("delete-role")).click();
        assertThat(visible("#flash").getText()).startsWith("DeleteConflict: ");
        browser.findElement(detach).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(detach, 0));
        browser.findElement(By.xpath("//details[summary[normalize-space()='read-keys']]/summary")).click();
        visible("#permissions details[open] pre");
        browser.findElement(remove).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(remove, 0));
        browser.findElement(By.id("delete-role")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/roles"));
        assertThat(root.get("/v1/roles/deployer").status()).isEqualTo(404);
    }

    @Test
    @Order(16)
    void theKeyExpiryPolicyIsSetInAccountSettingsAsADryRunFirstThenEnforcedAndDeleted() {
        SignedClient root = root();
        root.delete("/v1/key-hygiene/policy");
        signInWithKey(adminKeyId, adminSecret);
        open("account-settings-expiry", "#/account-settings", "#edit-expiry-policy");
        assertThat(browser.findElement(By.id("expiry-policy-summary")).getText())
                .isEqualTo("None: keys are reported, never acted on.");
        assertThat(browser.findElement(By.id("edit-expiry-policy")).getText()).isEqualTo("Set a policy");
        browser.findElement(By.id("edit-expiry-policy")).click();

        // a new policy starts as a dry run; the server's rules answer with their AWS-style error
        assertThat(visible("#ep-dry-run").isSelected()).isTrue();
        setValue("ep-warn", "90");
        setValue("ep-deactivate", "80");
        browser.findElement(By.id("save-expiry-policy")).click();
        assertThat(visible("#expiry-policy-error").getText())
                .isEqualTo("InvalidInput: warnAfterDays (90) must be less than deactivateAfterDays (80)");
        assertThat(root.get("/v1/key-hygiene/policy").code()).isEqualTo("NoSuchEntity");
        setValue("ep-warn", "80");
        setValue("ep-deactivate", "90");
        setValue("ep-unused-deactivate", "120");
        setValue("ep-exemptions", "break-glass\nenv=prod");
        check("edit-expiry-policy");
        browser.findElement(By.id("save-expiry-policy")).click();
        wait.until(d -> d.findElement(By.id("expiry-policy-summary")).getText().contains("dry run"));
        assertThat(browser.findElement(By.id("expiry-policy-summary")).getText()).isEqualTo("warn after 80 days; "
                + "deactivate after 90 days; deactivate when unused for 120 days; except owners tagged break-glass, "
                + "env=prod (dry run: reported, not done).");
        JsonNode policy = root.get("/v1/key-hygiene/policy").json();
        assertThat(policy.path("warnAfterDays").asInt()).isEqualTo(80);
        assertThat(policy.path("deactivateAfterDays").asInt()).isEqualTo(90);
        assertThat(policy.path("unusedDeactivateAfterDays").asInt()).isEqualTo(120);
        assertThat(policy.path("deleteAfterDays").isMissingNode() || policy.path("deleteAfterDays").isNull()).isTrue();
        assertThat(policy.path("dryRun").asBoolean()).isTrue();
        assertThat(policy.path("exemptions")).hasSize(2);
        assertThat(policy.path("exemptions").get(0).path("tagKey").asText()).isEqualTo("break-glass");
        assertThat(policy.path("exemptions").get(0).path("tagValue").isTextual()).isFalse();
        assertThat(policy.path("exemptions").get(1).path("tagKey").asText()).isEqualTo("env");
        assertThat(policy.path("exemptions").get(1).path("tagValue").asText()).isEqualTo("prod");
        check("account-settings-expiry");

        // after the dry run, enforce it: the form starts from the policy in force
        browser.findElement(By.id("edit-expiry-policy")).click();
        assertThat(visible("#ep-warn").getAttribute("value")).isEqualTo("80");
        assertThat(browser.findElement(By.id("ep-exemptions")).getAttribute("value")).isEqualTo("break-glass\nenv=prod");
        browser.findElement(By.id("ep-unused-deactivate")).clear();
        browser.findElement(By.id("ep-dry-run")).click();
        browser.findElement(By.id("save-expiry-policy")).click();
        wait.until(d -> !d.findElement(By.id("expiry-policy-summary")).getText().contains("dry run"));
        policy = root.get("/v1/key-hygiene/policy").json();
        assertThat(policy.path("dryRun").asBoolean()).isFalse();
        assertThat(policy.path("unusedDeactivateAfterDays").isMissingNode()
                || policy.path("unusedDeactivateAfterDays").isNull()).isTrue();

        // the dashboard shows it and leads here
        open("dashboard-policy", "#/dashboard", "#edit-expiry-policy-link");
        assertThat(browser.findElement(By.id("expiry-policy")).getText()).isEqualTo("Key expiry policy: warn after 80 "
                + "days; deactivate after 90 days; except owners tagged break-glass, env=prod.");
        browser.findElement(By.id("edit-expiry-policy-link")).click();
        visible("#delete-expiry-policy").click();
        wait.until(d -> d.findElement(By.id("expiry-policy-summary")).getText().startsWith("None"));
        assertThat(root.get("/v1/key-hygiene/policy").code()).isEqualTo("NoSuchEntity");
    }

    @Test
    @Order(17)
    void anAutogeneratedPasswordMeetsThePolicyIsShownOnceAndSignsInFromTheSignInUrl() {
        SignedClient root = root();
        String account = root.get("/v1/caller-identity").json().path("account").asText();
        assertThat(root.put("/v1/account/password-policy", "{\"minimumPasswordLength\":24,\"requireSymbols\":true,"
                + "\"requireNumbers\":true,\"requireUppercaseCharacters\":true,\"requireLowercaseCharacters\":true}")
                .status()).isIn(200, 204);
        try {
            assertThat(root.post("/v1/users", "{\"userName\":\"generated\"}").status()).isEqualTo(201);
            signInWithKey(adminKeyId, adminSecret);
            open("user-console-access-autogenerated", "#/users/generated/security-credentials",
                    "#enable-console-access");
            browser.findElement(By.id("enable-console-access")).click();
            assertThat(visible("#enable-console-form-autogenerated").isSelected()).isTrue();
            assertThat(browser.findElement(By.id("enable-console-form-password")).isDisplayed()).isFalse();
            axe("enable-console-autogenerated");
            browser.findElement(By.id("enable-console-form-submit")).click();

            visible("#console-password-dialog");
            assertThat(browser.findElement(By.id("new-console-password")).getText()).startsWith("****");
            check("console-password");
            browser.findElement(By.id("show-console-password")).click();
            String password = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                String text = d.findElement(By.id("new-console-password")).getText();
                return text.startsWith("****") ? null : text;
            });
            assertThat(password).hasSize(24).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]")
                    .containsPattern("[^A-Za-z0-9]");
            String url = browser.findElement(By.id("console-sign-in-url")).getText();
            assertThat(url).isEqualTo(baseUri().resolve("/console/?account=" + account).toString());
            String href = browser.findElement(By.id("download-console-password")).getAttribute("href");
            String[] lines = URLDecoder.decode(href.substring(href.indexOf(',') + 1), StandardCharsets.UTF_8)
                    .split("\n");
            assertThat(lines[0]).isEqualTo("User name,Password,Console sign-in URL");
            assertThat(lines[1]).isEqualTo("generated," + password + "," + url);
            Response signIn = anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account
                    + "\",\"userName\":\"generated\",\"password\":\"" + password.replace("\\", "\\\\") + "\"}");
            assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
            assertThat(signIn.json().path("passwordResetRequired").asBoolean()).isTrue();

            browser.findElement(By.id("close-console-password")).click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.id("console-password-dialog"), 0));
            assertThat(browser.getPageSource()).doesNotContain(password);
            wait.until(d -> d.findElement(By.id("console-password-status")).getText().equals("Enabled"));

            // the sign-in URL names the account: the sign-in page opens with it filled in
            browser.get(url);
            ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear()");
            browser.navigate().refresh();
            assertThat(visible("#account").getAttribute("value")).isEqualTo(account);
        } finally {
            root.delete("/v1/account/password-policy");
        }
    }

    @Test
    @Order(18)
    void aLeakedKeyIsQuarantinedFromItsOwnersPageAndTheQuarantineIsRemovedThere() {
        SignedClient root = root();
        String quarantine = "arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine";
        assertThat(root.post("/v1/users", "{\"userName\":\"leaky\"}").status()).isEqualTo(201);
        assertThat(root.put("/v1/users/leaky/policies/all", ADMIN_POLICY).status()).isEqualTo(204);
        Response key = root.post("/v1/users/leaky/access-keys", null);
        String keyId = key.json().path("accessKeyId").asText();
        String secret = key.json().path("secretAccessKey").asText();
        assertThat(as(keyId, secret).get("/v1/users").status()).isEqualTo(200);

        signInWithKey(adminKeyId, adminSecret);
        open("user-quarantine", "#/users/leaky/security-credentials", "tr[data-key='" + keyId + "'] button.quarantine");
        assertThat(browser.findElements(By.id("quarantine-banner"))).isEmpty();
        browser.findElement(By.cssSelector("tr[data-key='" + keyId + "'] button.quarantine")).click();
        visible("#quarantine-dialog");
        setValue("quarantine-reason", "pushed to a public repository, INC-42");
        check("quarantine");
        browser.findElement(By.id("confirm-quarantine")).click();

        // the owner is quarantined: the page says so, the key's own actions still work, anything else is denied
        assertThat(visible("#quarantine-banner").getText()).startsWith("leaky is quarantined");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("quarantine-dialog"), 0));
        assertThat(root.get("/v1/users/leaky/attached-policies").body()).contains(quarantine);
        assertThat(browser.findElement(By.cssSelector("tr[data-key='" + keyId + "'] .status")).getText())
                .isEqualTo("Active");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(keyId, secret).get("/v1/users").code()).isEqualTo("AccessDenied"));
        assertThat(as(keyId, secret).get("/v1/users/~/access-keys").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(root
                .get("/v1/audit-events?eventName=QuarantineAccessKey").body()).contains("INC-42").contains(keyId));

        // removed on the same page: the key's owner gets its permissions back
        browser.findElement(By.id("remove-quarantine")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("quarantine-banner"), 0));
        assertThat(root.get("/v1/users/leaky/attached-policies").body()).doesNotContain(quarantine);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(as(keyId, secret).get("/v1/users").status()).isEqualTo(200));
        visible("tr[data-key='" + keyId + "'] button.quarantine");
    }
}
