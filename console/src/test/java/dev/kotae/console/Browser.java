package dev.kotae.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver (Selenium 4). It may reach loopback only:
 * every other host resolves to nothing and every other request goes to a closed proxy port, and
 * Chromium's own background traffic is switched off.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("kotae.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("kotae.chromedriver", "/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    final ChromeDriver driver;
    private final ChromeDriverService service;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    static Browser start(Path profile) throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the console's browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver (.ci/run does this)");
        }
        Files.createDirectories(profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().withLogFile(profile.resolve("chromedriver.log").toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--lang=ja",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--proxy-server=http://127.0.0.1:9");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(service, driver);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition);
    }

    /** Clicks something that loads a new page, and waits until the new page is there. */
    void submit(String css) {
        WebElement page = find("html");
        find(css).click();
        waitFor(Duration.ofSeconds(60), org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        waitFor(Duration.ofSeconds(60), d -> "complete".equals(js("return document.readyState;")));
    }

    String sessionCookie() {
        Cookie c = driver.manage().getCookieNamed(Sessions.COOKIE);
        return c == null ? null : c.getValue();
    }

    void logIn(String base, String token) {
        driver.manage().deleteAllCookies();
        open(base + "/login");
        find("#token").sendKeys(token);
        find("form.login button[type=submit]").click();
        // The click returns before the answer arrives: wait for the page the login leads to.
        waitFor(Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/ask") || !all("#login-error").isEmpty());
    }

    /**
     * Saves the whole page (the window is made as tall as the page, up to a limit) at the given width,
     * then puts the window back.
     */
    void screenshot(Path dir, String name, int width) throws IOException {
        Files.createDirectories(dir);
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
        Number height = (Number) js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, Math.min(2400, Math.max(600, height.intValue() + 140))));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
        driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    }

    static Path screenshots() {
        return Path.of(System.getProperty("kotae.console.screenshots", "target/screenshots"));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
