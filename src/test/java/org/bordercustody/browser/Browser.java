package org.bordercustody.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driving the Camunda web apps as a user would; never a downloaded browser. */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The browser tests take the user guide's pictures of the real screens (docs/user-guide.md). */
    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path downloads;

    Browser(int port) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("custody-browser"));
        this.downloads = Files.createTempDirectory("custody-downloads");
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // Generous: a loaded machine (two cores, the whole suite) can take Tasklist many seconds to render a claim.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        this.baseUrl = "http://localhost:" + port;
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Logs in on the web app's own login page. */
    void login(String app, String user) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[placeholder=Username]")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("input[placeholder=Password]")).sendKeys(user);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[placeholder=Username]")));
    }

    void open(String path) {
        driver.get(baseUrl + path);
    }

    /**
     * Opens a task in Tasklist and waits until it shows the given text; Tasklist on a loaded machine sometimes
     * renders the task's page without its detail, so it is opened once more before giving up.
     */
    void openTask(String taskId, String shownText) {
        open("/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            waitForText(shownText);
        } catch (org.openqa.selenium.TimeoutException notShown) {
            driver.navigate().refresh();
            waitForText(shownText);
        }
    }

    WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the address shows the given text (Tasklist names the chosen filter there). */
    void waitForUrlContaining(String text) {
        wait.until(ExpectedConditions.urlContains(text));
    }

    void waitUntilGone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    void waitForText(String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(normalize-space(.), " + literal(text) + ") and not(*[contains(normalize-space(.), "
                        + literal(text) + ")])]")));
    }

    /** Picks an option of a Camunda Forms select, found by its label. */
    void choose(String label, String option) {
        WebElement field = waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][label[contains(., "
                + literal(label) + ")]]"));
        WebElement input = field.findElement(By.cssSelector(".fjs-input-group"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        WebElement item = waitFor(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., "
                + literal(option) + ")]"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", item);
        try {
            item.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException belowTheFold) {
            // A long list opened near the page's foot reaches below it: the item is chosen as a mouse press does.
            ((JavascriptExecutor) driver).executeScript("arguments[0].dispatchEvent(new MouseEvent('mousedown',"
                    + " {bubbles: true, cancelable: true}));", item);
        }
    }

    /** What the element says, rows scrolled out of its page's frame included (getText leaves those out). */
    String text(By locator) {
        return waitFor(locator).getDomProperty("innerText");
    }

    /** Types into a plain input of a page of ours, found by the locator, what it holds replaced. */
    void type(By locator, String text) {
        WebElement input = waitFor(locator);
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    /** Sets a date input of a page of ours (yyyy-mm-dd) as the date picker does, telling the page it changed. */
    void date(By locator, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", waitFor(locator), isoDate);
    }

    /** Picks the option with this visible text in a plain select of a page of ours. */
    void select(By locator, String option) {
        new org.openqa.selenium.support.ui.Select(waitFor(locator)).selectByVisibleText(option);
    }

    /** Types into a Camunda Forms text field, found by its label, what it holds replaced. */
    void fill(String label, String text) {
        WebElement input = field(label).findElement(By.cssSelector("input, textarea"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        // Select and type over: clear() alone changes the element but not the form's state.
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
        // Camunda Forms takes typed text into the form's data after a pause (300 ms); a person pauses longer.
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Scrolls the element to the top of its scrolling frame. */
    void scrollIntoView(By locator) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", waitFor(locator));
    }

    /** Scrolls the Camunda Forms field whose label reads so to the middle of the page. */
    void scrollTo(String label) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field(label));
    }

    /** The Camunda Forms field whose label reads so. */
    WebElement field(String label) {
        return waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][label[contains(., " + literal(label) + ")]]"));
    }

    /** What the open form shows: its text and the values in its fields (read-only ones included), a line each. */
    String formText() {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const form = document.querySelector('.fjs-form');
                const values = [...form.querySelectorAll('input, textarea')].map(input => input.value).filter(v => v);
                return form.innerText + '\\n' + values.join('\\n');""");
    }

    /** Claims the open task with the one claim button shown, and waits until its form can be filled in. */
    void claim() {
        By claim = By.xpath("//*[self::a or self::button][normalize-space(.)='Claim' or @tooltip='Claim task'"
                + " or contains(@class,'claim')]");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            WebElement shown = driver.findElements(claim).stream().filter(WebElement::isDisplayed).findFirst()
                    .orElse(null);
            if (shown == null) {
                return false;
            }
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", shown);
            return true;
        });
        waitUntilGone(By.cssSelector(".disabled-form"));
    }

    /** Opens a Camunda Forms select, found by its label, and leaves it without choosing (a click beside it). */
    void openAndLeave(String label) {
        WebElement field = waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][label[contains(., "
                + literal(label) + ")]]"));
        WebElement input = field.findElement(By.cssSelector(".fjs-input-group"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        waitFor(By.cssSelector(".fjs-dropdownlist-item"));
        driver.findElement(By.cssSelector(".fjs-form-field-text")).click();
        waitUntilGone(By.cssSelector(".fjs-dropdownlist-item"));
    }

    /** Clicks by script: Tasklist's notifications may lie over its buttons; an element re-rendered meanwhile is found again. */
    void press(By locator) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", waitFor(locator));
            return true;
        });
    }

    /** The file of this name the browser downloaded, once it is complete. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait.until(driver -> Files.isRegularFile(file));
        return file;
    }

    /** What a script in the page answers, for facts the page's text does not show. */
    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "") + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
