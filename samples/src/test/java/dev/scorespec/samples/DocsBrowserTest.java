package dev.scorespec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scorespec.runtime.server.ScoringServer;
import dev.scorespec.runtime.server.ServerConfig;
import dev.scorespec.samples.ridge.RidgeScore_ScoreSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code GET /docs} as a person uses it, in a real headless Chromium: Swagger UI loads the ridge sample's
 * OpenAPI 3.1 document, "Try it out" / "Execute" posts the example to {@code /score}, and the response shown
 * is the model's prediction. With key authentication on, the page asks for the key first.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); without them
 * the test fails and says so. Selenium gets both paths, so it never looks for a browser or driver to download.
 */
class DocsBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String KEY = "docs-test-key-0123456789";
    static final String PREDICTION = "3830.0435194872953";

    /**
     * The test uses WebDriver only, never the DevTools protocol, so Selenium not knowing this Chromium's CDP
     * version is noise. Held here: java.util.logging keeps only weak references to loggers.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static ScoringServer open;
    private static ScoringServer locked;

    @TempDir
    Path profile;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startServers() throws Exception {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertTrue(
                    Files.isExecutable(tool),
                    tool + " is missing: the /docs browser test drives Debian's headless "
                            + "Chromium. Install it with: apt-get install -y chromium chromium-driver (.ci/run does).");
        }
        ServerConfig.Builder config =
                ServerConfig.builder().port(0).workerCount(1).serviceName("Ridge");
        open = ScoringServer.start(config.build(), new RidgeScore_ScoreSpec());
        locked = ScoringServer.start(
                config.authKey(KEY).servicePathPrefix("/api").build(), new RidgeScore_ScoreSpec());
    }

    @AfterAll
    static void stopServers() {
        if (locked != null) {
            locked.close();
        }
        if (open != null) {
            open.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                // a fresh profile, and nothing that reaches for the network on its own
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,2400",
                        "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // the driver's own service: quit() stops it
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        if (browser == null) {
            return;
        }
        try {
            // what the page looked like at the end, for whoever reads a failure
            Path shot = Path.of(
                    "target", "docs-browser", test.getTestMethod().orElseThrow().getName() + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    private static String base(ScoringServer server) {
        return "http://127.0.0.1:" + server.port() + server.config().servicePathPrefix();
    }

    /** Expands {@code POST /score}, clicks "Try it out" and "Execute"; returns the response panel. */
    private WebElement tryTheExample() {
        WebElement operation = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#operations-default-RunMLService")));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(operation, By.cssSelector(".try-out__btn")))
                .get(0)
                .click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                        operation, By.cssSelector("textarea.body-param__text")))
                .get(0);
        assertEquals(
                "[[10,9,8,7,6,5,4,3,2,1]]",
                body.getAttribute("value")
                        .replaceAll("\\s", "")
                        .replace("{\"data\":", "")
                        .replace("}", ""),
                "the example request is filled in");
        operation.findElement(By.cssSelector("button.execute")).click();
        return wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                        operation, By.cssSelector(".live-responses-table .response")))
                .get(0);
    }

    private static String status(WebElement response) {
        return response.findElement(By.cssSelector(".response-col_status"))
                .getText()
                .strip();
    }

    private static String body(WebElement response) {
        return response.findElement(By.cssSelector(".response-col_description pre"))
                .getText();
    }

    /** Errors in the browser's console: a blocked load, a failed request, a script error. */
    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .collect(Collectors.toList());
    }

    @Test
    void tryItOutScoresTheExampleAndShowsThePrediction() {
        browser.get(base(open) + "/docs");
        assertEquals(base(open) + "/docs/", browser.getCurrentUrl());
        WebElement response = tryTheExample();
        assertEquals("200", status(response));
        assertEquals("[" + PREDICTION + "]", body(response).replaceAll("\\s", ""));
        // the request Swagger UI shows went to this server's /score
        String curl = browser.findElement(By.cssSelector(".curl-command")).getText();
        assertTrue(curl.contains("'" + base(open) + "/score'"), curl);
        assertEquals(
                "Ridge",
                browser.findElement(By.cssSelector(".info .title")).getText().split("\\s")[0]);
        assertEquals("Ridge - API documentation", browser.getTitle());
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void thePageIsTitledAsTheDocumentWithTheCompiledTitle() throws Exception {
        // no --service-name: the document keeps @ScoringService(title), and the page shows that
        try (ScoringServer titled = ScoringServer.start(
                ServerConfig.builder().port(0).workerCount(1).build(), new TitledRidge_ScoreSpec())) {
            browser.get(base(titled) + "/docs/");
            WebElement title =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title")));
            assertTrue(title.getText().startsWith("Diabetes progression"), title.getText());
            assertEquals("Diabetes progression - API documentation", browser.getTitle());
            assertEquals(List.of(), consoleErrors());
        }
    }

    @Test
    void withKeyAuthenticationThePageAsksForTheKeyAndTryItOutSendsIt() {
        browser.get(base(locked) + "/docs");
        assertEquals(base(locked) + "/docs/", browser.getCurrentUrl());
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scorespec-key")));
        assertTrue(
                browser.findElements(By.cssSelector("#operations-default-RunMLService"))
                        .isEmpty(),
                "the operations stay hidden without the key");

        WebElement input = form.findElement(By.id("scorespec-key-input"));
        input.sendKeys("not-the-key");
        form.findElement(By.id("scorespec-key-open")).click();
        wait.until(ExpectedConditions.textToBe(By.id("scorespec-key-problem"), "The key is not valid."));

        input.clear();
        input.sendKeys(KEY);
        form.findElement(By.id("scorespec-key-open")).click();
        wait.until(ExpectedConditions.invisibilityOf(form));
        WebElement response = tryTheExample();
        assertEquals("200", status(response));
        assertEquals("[" + PREDICTION + "]", body(response).replaceAll("\\s", ""));
        String curl = browser.findElement(By.cssSelector(".curl-command")).getText();
        assertTrue(curl.contains("Authorization: Bearer " + KEY), curl);
        assertTrue(curl.contains("'" + base(locked) + "/score'"), curl);
        assertFalse(
                browser.findElements(By.cssSelector(".btn.authorize.locked")).isEmpty(),
                "Authorize shows the key as given");
        // the page's own probe without the key is the one expected failure
        List<String> errors = consoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("401")), errors.toString());
    }
}
