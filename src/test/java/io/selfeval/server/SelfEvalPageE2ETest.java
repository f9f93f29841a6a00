package io.selfeval.server;

import io.selfeval.api.SelfEval;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page at / in headless Chromium (Debian's chromium and chromium-driver, used as installed: nothing is
 * downloaded): a seed is chosen through the page's file input, the page posts it and renders the findings, the
 * seed's must-find codes are on the page, and a screenshot goes to target/e2e/page.png. Skipped when
 * /usr/bin/chromium or /usr/bin/chromedriver is missing; .ci/run installs both so that CI runs it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("slow") // a browser
class SelfEvalPageE2ETest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SEED = Path.of("fixtures/seeds/000_0c4b3fbed2722708.txt");
    static final List<String> MUST_FIND = List.of("EXE_RATE_MISMATCH", "AMT_SUM_MISMATCH", "AMT_CROSS_MISMATCH", "PRJ_OVER_CAP");
    static final Path SCREENSHOT = Path.of("target/e2e/page.png");

    private static Path tmp;
    private static SelfEvalServer server;
    private static ChromeDriverService service;
    private static WebDriver driver;
    /** Selenium warns that it has no DevTools (CDP) module for this Chromium; none is used here. Kept referenced. */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    @BeforeAll
    static void start() throws Exception {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.SEVERE));
        if (!browserInstalled()) return; // the test reports itself skipped
        tmp = Files.createTempDirectory("selfeval-e2e-");
        server = SelfEvalServer.start(new SelfEvalServer.Options().bind("127.0.0.1").port(0)
                .rules(SelfEvalServerTest.copyRules(tmp.resolve("rules"))).rulesLabel("rules").tempDir(tmp.resolve("work")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
        // Downloads (下载批注版) are saved without asking, into a folder the test reads.
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", Files.createDirectories(tmp.resolve("downloads")).toString(),
                "download.prompt_for_download", false));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(tmp.resolve("chromedriver.log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @AfterAll
    static void stop() {
        try {
            if (driver != null) driver.quit();
        } finally {
            try {
                if (service != null) service.stop();
            } finally {
                if (server != null) server.close();
                if (tmp != null) io.selfeval.read.Submissions.deleteTree(tmp);
            }
        }
    }

    @Test
    void uploadingASeedShowsItsFindings() throws Exception {
        assumeTrue(browserInstalled(), "browser test skipped: install Debian's chromium and chromium-driver to run it");
        driver.get(server.url());
        assertEquals("绩效自评报告检查", driver.getTitle());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
        // the rules line is filled from /api/rules
        wait.until(ExpectedConditions.textMatches(By.id("rules"), java.util.regex.Pattern.compile("规则：.*条")));

        // the page checks as soon as files are chosen (its input is hidden behind the drop zone; WebDriver may still
        // set the files of a hidden file input)
        WebElement input = driver.findElement(By.id("files"));
        input.sendKeys(SEED.toAbsolutePath().toString());

        WebDriverWait check = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(250));
        try {
            check.until(d -> {
                String st = d.findElement(By.id("status")).getText();
                if (d.findElement(By.id("status")).getAttribute("class").contains("err")) {
                    throw new AssertionError("the page reported an error: " + st);
                }
                return st.equals("检查完成") && !d.findElements(By.cssSelector("#results .f")).isEmpty();
            });
        } catch (TimeoutException e) {
            screenshot();
            fail("no findings rendered within 120 s; status: " + driver.findElement(By.id("status")).getText());
        }

        WebElement results = driver.findElement(By.id("results"));
        String text = results.getText();
        List<String> shownCodes = results.findElements(By.cssSelector(".f .code")).stream().map(WebElement::getText).toList();
        for (String code : MUST_FIND) {
            assertTrue(shownCodes.contains(code), code + " not among the codes shown: " + shownCodes);
        }
        // grouped by family, with the unit's submission, location and review score
        assertTrue(text.contains("金额勾稽"), text);
        assertTrue(text.contains("预算执行"), text);
        assertTrue(text.contains(SEED.getFileName().toString()), text);
        assertTrue(text.contains("位置："), text);
        assertTrue(text.contains("计算值：98.49%"), "evidence is shown under its Chinese name: " + text);
        assertTrue(text.contains("考核得分"), text);
        assertFalse(driver.findElement(By.id("xlsx")).getAttribute("disabled") != null, "the download buttons are enabled");

        screenshot();
        assertTrue(Files.size(SCREENSHOT) > 10_000, "screenshot written");
    }

    /** 下载批注版 saves the unit's report as a Word file with a comment at each finding and the summary. */
    @Test
    void theAnnotatedCopyIsDownloaded() throws Exception {
        assumeTrue(browserInstalled(), "browser test skipped: install Debian's chromium and chromium-driver to run it");
        driver.get(server.url());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
        wait.until(ExpectedConditions.textMatches(By.id("rules"), java.util.regex.Pattern.compile("规则：.*条")));
        driver.findElement(By.id("files")).sendKeys(SEED.toAbsolutePath().toString());
        WebDriverWait check = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(250));
        check.until(d -> d.findElement(By.id("status")).getText().equals("检查完成")
                && !d.findElements(By.cssSelector("#results button.annotate")).isEmpty());
        driver.findElement(By.cssSelector("#results button.annotate")).click();

        String stem = SEED.getFileName().toString().replace(".txt", "");
        Path saved = tmp.resolve("downloads").resolve(stem + "（审核意见）.docx");
        check.until(d -> Files.isRegularFile(saved) && d.findElement(By.id("status")).getText().startsWith("已下载"));
        try (var in = Files.newInputStream(saved); var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            var comments = doc.getDocComments().getComments();
            assertTrue(comments.size() > MUST_FIND.size(), "a comment per finding plus the summary: " + comments.size());
            assertTrue(comments.get(0).getText().startsWith("【审核意见汇总】"), comments.get(0).getText());
            assertTrue(comments.stream().anyMatch(c -> c.getText().contains("【预算执行率计算错误】")),
                    "EXE_RATE_MISMATCH is commented under its Chinese name");
        }
    }

    /** Markup in a unit's name is shown as text: no element is made of it and no script of it runs. */
    @Test
    void markupInANameIsShownAsText() throws Exception {
        assumeTrue(browserInstalled(), "browser test skipped: install Debian's chromium and chromium-driver to run it");
        driver.get(server.url());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200));
        wait.until(ExpectedConditions.textMatches(By.id("rules"), java.util.regex.Pattern.compile("规则：.*条")));
        Path report = io.selfeval.cli.HostileNamesAccess.hostileReport(Files.createDirectories(tmp.resolve("hostile")));
        driver.findElement(By.id("files")).sendKeys(report.toAbsolutePath().toString());
        WebDriverWait check = new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofMillis(250));
        check.until(d -> d.findElement(By.id("status")).getText().equals("检查完成")
                && !d.findElements(By.cssSelector("#results h2")).isEmpty());
        WebElement results = driver.findElement(By.id("results"));
        assertTrue(results.getText().contains(io.selfeval.cli.HostileNamesAccess.UNIT), results.getText());
        assertTrue(results.findElements(By.cssSelector("svg, img")).isEmpty(), "no element made of the name");
    }

    /** Saves the whole page: the window is made as tall as the document before the shot. */
    private static void screenshot() throws Exception {
        Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        int h = height instanceof Number n ? Math.min(Math.max(n.intValue() + 40, 800), 8000) : 2000;
        driver.manage().window().setSize(new Dimension(1280, h));
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
