package io.stride.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium driven by Selenium, with an axe-core check of every page and screenshots under
 * {@code target/screenshots}. Browser tests run when {@code STRIDE_BROWSER_TESTS=true} or when Chromium and
 * ChromeDriver are installed; under {@code CI=true} a missing browser fails the run instead of skipping it.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private int shots;

	private final String journey;

	private Browser(ChromeDriver driver, String baseUrl, Path profile, String journey) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.journey = journey;
	}

	static void requireOrSkip() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String wanted = System.getenv().getOrDefault("STRIDE_BROWSER_TESTS", "auto");
		boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
		if ((ci || "true".equalsIgnoreCase(wanted)) && !installed) {
			Assertions.fail("Browser tests are required here but /usr/bin/chromium or /usr/bin/chromedriver is missing "
					+ "(install Debian's chromium and chromium-driver)");
		}
		Assumptions.assumeTrue(installed && !"false".equalsIgnoreCase(wanted),
				"Chromium not installed; browser tests skipped (set STRIDE_BROWSER_TESTS=true to require them)");
	}

	/** A fresh browser; {@code journey} names its screenshots. */
	static Browser open(int port, String journey) throws IOException {
		Path profile = Files.createTempDirectory("stride-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--no-first-run", "--disable-default-apps", "--disable-extensions", "--window-size=1280,1000",
				"--lang=en-US", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, baseUrl(port), profile, journey);
	}

	/**
	 * The test's own server, or, with STRIDE_JOURNEY_BASE_URL, another address that reaches the same database: a
	 * cluster's load balancer (bench/cluster.sh journeys), so that each request of the journey may land on any node.
	 */
	static String baseUrl(int port) {
		String elsewhere = System.getenv("STRIDE_JOURNEY_BASE_URL");
		return elsewhere == null || elsewhere.isBlank() ? "http://localhost:" + port
				: elsewhere.endsWith("/") ? elsewhere.substring(0, elsewhere.length() - 1) : elsewhere;
	}

	void go(String path) {
		driver.get(baseUrl + path);
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	WebElement link(String text) {
		return driver.findElement(By.linkText(text));
	}

	void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	/** Sets a value the way a date picker would, independent of the browser's locale. */
	void setValue(String css, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
	}

	void waitForText(String css, String text) {
		// the element may be replaced while we wait (a fragment put in place by script)
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> find(css).getText().contains(text));
	}

	/** Chooses a file in a file input, as a person picking it in the file dialog would. */
	void attach(String css, Path file) {
		find(css).sendKeys(file.toAbsolutePath().toString());
	}

	/**
	 * Clicks an element once it is in the middle of the window, as a person scrolls to what they click: a check of
	 * accessibility at another width can leave the page scrolled so that the element sits under a sticky header.
	 */
	void click(String css) {
		WebElement target = find(css);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});",
				target);
		target.click();
	}

	/** Clicks where an element is with the mouse, whatever lies on top of it (as a person would). */
	void clickWithTheMouse(String css) {
		new org.openqa.selenium.interactions.Actions(driver).moveToElement(find(css)).click().perform();
	}

	/** Clicks something that loads a new page and waits until the new page has loaded. */
	void navigate(WebElement target) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("window.strideOldPage = true;");
		target.click();
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.strideOldPage === undefined && document.readyState === 'complete';")));
	}

	void navigate(String css) {
		navigate(find(css));
	}

	/** Opens a menu of the main navigation ("learn", "build", "manage") and follows one of its links, as a person would. */
	void navigateByMenu(String menu, String css) {
		WebElement summary = find("#" + menu + "-menu > summary");
		if (find("#" + menu + "-menu").getDomAttribute("open") == null) {
			summary.click();
		}
		navigate(find("#" + menu + "-menu " + css));
	}

	/** Moves the keyboard focus to an element (as Tab would) without pressing anything. */
	void focus(String css) {
		((JavascriptExecutor) driver).executeScript("arguments[0].focus();", find(css));
	}

	/** Moves the keyboard focus to a link or button and presses Enter, waiting for the page it loads. */
	void navigateByKeyboard(String css) {
		WebElement target = find(css);
		((JavascriptExecutor) driver).executeScript("arguments[0].focus(); window.strideOldPage = true;", target);
		assertThat(driver.switchTo().activeElement()).isEqualTo(target);
		target.sendKeys(org.openqa.selenium.Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.strideOldPage === undefined && document.readyState === 'complete';")));
	}

	/** Resizes the window, for example to a phone's 390 × 844 CSS pixels. */
	void windowSize(int width, int height) {
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
	}

	/** The width pages are laid out for (the viewport, without scroll bars). */
	long viewportWidth() {
		return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;")).longValue();
	}

	/** Fails when the page is wider than the window, so that reading it would need sideways scrolling. */
	void checkFitsWidth() {
		Object wider = ((JavascriptExecutor) driver).executeScript("""
				const width = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth <= width) { return null; }
				const culprits = [...document.querySelectorAll('body *')]
				  .filter(e => e.getBoundingClientRect().right > width + 1)
				  .slice(0, 5)
				  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''));
				return document.documentElement.scrollWidth + ' > ' + width + ': ' + culprits.join(', ');
				""");
		assertThat(wider).as("page wider than the window on " + path()).isNull();
	}

	/** Scrolls the first element matching {@code css} to the top of the window; answers whether there was one. */
	boolean scrollTo(String css) {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
				"const e = document.querySelector(arguments[0]); if (e) { e.scrollIntoView(); } return e != null;", css));
	}

	/** Fails when the page, laid out for a 390 px phone, is wider than the window. */
	void checkFitsAPhone() {
		org.openqa.selenium.Dimension before = driver.manage().window().getSize();
		if (before.getWidth() <= 390) {
			checkFitsWidth();
			return;
		}
		windowSize(390, 844);
		try {
			checkFitsWidth();
		}
		finally {
			driver.manage().window().setSize(before);
		}
	}

	/** Fails when the main navigation's links wrap onto a second line. */
	void checkNavigationOnOneLine() {
		Object lines = ((JavascriptExecutor) driver).executeScript("""
				const tops = [...document.querySelectorAll('.site-header nav > ul > li')]
				  .map(li => Math.round(li.getBoundingClientRect().top + li.getBoundingClientRect().height / 2));
				const wrapped = [...document.querySelectorAll('.site-header nav a, .site-header nav button')].filter(e => {
				  const range = document.createRange();
				  range.selectNodeContents(e);
				  return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
				});
				return new Set(tops).size + wrapped.length;
				""");
		assertThat(((Number) lines).intValue()).as("lines of the navigation, plus links wrapped inside, on " + path()).isEqualTo(1);
	}

	String text() {
		return find("body").getText();
	}

	/** Double-clicks something that loads a new page, as an impatient person would, and waits for the new page. */
	void doubleClickToNavigate(String css) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("window.strideOldPage = true;");
		new org.openqa.selenium.interactions.Actions(driver).doubleClick(find(css)).perform();
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.strideOldPage === undefined && document.readyState === 'complete';")));
	}

	/** Loads the current page again, as the reload button does. */
	void reload() {
		driver.navigate().refresh();
	}

	/** The browser's back button, waiting for the page it shows. */
	void back() {
		((JavascriptExecutor) driver).executeScript("window.strideOldPage = true;");
		driver.navigate().back();
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return window.strideOldPage === undefined && document.readyState === 'complete';")));
	}

	/** Cuts the browser off the network (requests fail as with a lost connection), or puts it back. */
	void offline(boolean offline) {
		var conditions = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
		conditions.setOffline(offline);
		driver.setNetworkConditions(conditions);
	}

	void select(String css, String visibleText) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(visibleText);
	}

	String title() {
		return driver.getTitle();
	}

	/** Works inside the frame the selector finds (content an LMS shows in a frame) until {@link #outOfFrames()}. */
	void intoFrame(String css) {
		driver.switchTo().frame(find(css));
	}

	void outOfFrames() {
		driver.switchTo().defaultContent();
	}

	/** Waits until a script in the page answers true. */
	void waitUntil(String js, Object... arguments) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
			.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(js, arguments)));
	}

	String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	boolean alertShown() {
		try {
			driver.switchTo().alert();
			return true;
		}
		catch (NoAlertPresentException none) {
			return false;
		}
	}

	/**
	 * Runs axe-core on the current page; serious and critical violations fail the test. The page must also fit a
	 * phone: at 390 px it may not be wider than the window (the window gets its size back afterwards).
	 */
	void checkAccessibility() {
		checkFitsAPhone();
		Results results = new AxeBuilder().analyze(driver);
		List<Rule> severe = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(severe).as("axe-core violations on " + path() + ":\n" + severe.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++shots, name)), png);
	}

	/** Works inside the frame {@code css} (a SCORM package's, say) until {@link #leaveFrame()}. */
	void enterFrame(String css) {
		driver.switchTo().frame(find(css));
	}

	void leaveFrame() {
		driver.switchTo().defaultContent();
	}

	/** Runs a script in the page and answers its result (numbers come back as Long or Double). */
	Object script(String js, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(js, arguments);
	}

	/** The element that has the keyboard focus. */
	WebElement focused() {
		return driver.switchTo().activeElement();
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a leftover temp profile is harmless
		}
	}
}
