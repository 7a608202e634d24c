package org.postedit.workbench.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium for the browser tests (tag them {@code @Tag("browser")}). Register it
 * with {@code @RegisterExtension static final BrowserSupport browser = new BrowserSupport();}: one browser per test
 * class, 1280x800, a fresh profile folder, nothing downloaded (the driver path is given, so Selenium Manager never
 * runs). Without /usr/bin/chromium and /usr/bin/chromedriver the tests of the class are skipped with a message.
 */
public class BrowserSupport implements BeforeAllCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private WebDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            String message = "Browser tests skipped: " + missing
                    + " not found — install Debian chromium and chromium-driver";
            System.out.println(message);
            Assumptions.abort(message);
        }
        driver = start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        quit();
    }

    private WebDriver start() throws IOException {
        // Selenium Manager would look for (and download) browsers and drivers: keep it out entirely.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        profile = Files.createTempDirectory("workbench-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return chrome;
    }

    private void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteQuietly(profile);
        }
    }

    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser is not running (register BrowserSupport with @RegisterExtension)");
        }
        return driver;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /**
     * Types into whatever has the focus, as a keyboard does. Use this rather than {@code WebElement.sendKeys} for the
     * segment editor: chromedriver first re-focuses a contenteditable that is not {@code document.activeElement}
     * (inside a shadow root it never is) and puts the caret at its end, so a selection made before is lost.
     */
    public void type(CharSequence... keys) {
        new Actions(driver()).sendKeys(keys).perform();
    }

    /** Presses a key while holding modifiers, e.g. {@code shortcut(Keys.ENTER, Keys.CONTROL)} or {@code shortcut("a", Keys.CONTROL)}. */
    public void shortcut(CharSequence key, Keys... modifiers) {
        Actions actions = new Actions(driver());
        for (Keys modifier : modifiers) {
            actions.keyDown(modifier);
        }
        actions.sendKeys(key);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            actions.keyUp(modifiers[i]);
        }
        actions.perform();
    }

    /** Waits up to ten seconds for a condition, e.g. {@code browser.waitUntil(d -> js(...) == Boolean.TRUE)}. */
    public <V> V waitUntil(Function<WebDriver, V> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(10)).until(condition);
    }

    /**
     * Signs in through the login page of the app at {@code baseUrl} (nothing to do when already signed in) and
     * waits until the app has left the login page.
     */
    public void signIn(String baseUrl, String user, String password) {
        driver().get(baseUrl + "/login");
        if (!driver().getCurrentUrl().contains("/login")) {
            return;
        }
        WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(60));
        org.openqa.selenium.WebElement name = wait.until(d -> d.findElements(
                org.openqa.selenium.By.cssSelector("input[name='username']")).stream().findFirst().orElse(null));
        name.sendKeys(user);
        org.openqa.selenium.WebElement secret = driver().findElement(
                org.openqa.selenium.By.cssSelector("input[name='password']"));
        secret.sendKeys(password, org.openqa.selenium.Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Saves a PNG of the browser's viewport; creates the folders. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] png = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a PNG named {@code name}.png under the build folder's screenshots/ (target/screenshots by default). */
    public Path screenshot(String name) {
        return screenshot(screenshotFolder().resolve(name + ".png"));
    }

    /** {build folder}/screenshots, found from where the test classes were compiled (honours -Dwb.build.dir). */
    public static Path screenshotFolder() {
        try {
            Path testClasses = Path.of(BrowserSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().resolve("screenshots");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "screenshots");
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
