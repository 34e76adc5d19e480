package io.glasswarden.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium from Debian's package, driven by Playwright for Java. Playwright never downloads a browser here
 * (nothing outside the package registries is reachable): it launches /usr/bin/chromium. Without it the browser
 * tests are skipped with a notice, except in CI, which installs it and requires them.
 */
public final class Browser implements AutoCloseable {

    /** Debian's Chromium; another path with {@code -Dglasswarden.tests.chromium=...}. */
    public static final String CHROMIUM = System.getProperty("glasswarden.tests.chromium", "/usr/bin/chromium");
    /** Screenshots of every run, for people to look at. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    /** Starts Chromium, or skips the calling test when it is not installed (fails when tools are required). */
    public static Browser start() {
        ExternalTool.assumeAvailable("the console's browser tests", "apt-get install chromium", CHROMIUM,
                "--headless", "--no-sandbox", "--disable-gpu", "--version");
        Playwright playwright = Playwright
                .create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser chromium = playwright.chromium()
                .launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(CHROMIUM))
                        .setHeadless(true)
                        // As root no sandbox; the rest keeps Chromium off the (closed) network at start.
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Browser(playwright, chromium);
    }

    /** A fresh browser profile (no cookies) whose pages resolve relative URLs against {@code baseUrl}. */
    public Page newPage(String baseUrl) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setAcceptDownloads(true)
                .setViewportSize(1280, 900));
        // Pages here answer in milliseconds; a short timeout makes a broken page fail fast instead of after 30 s.
        context.setDefaultTimeout(10_000);
        return context.newPage();
    }

    /** The whole page, however long, as {@code target/screenshots/<name>.png}. */
    public static void screenshot(Page page, String name) {
        screenshot(page, name, true);
    }

    /** What fits in the window (1280×900), e.g. for the README. */
    public static void screenshotOfWindow(Page page, String name) {
        screenshot(page, name, false);
    }

    private static void screenshot(Page page, String name, boolean fullPage) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(fullPage));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
