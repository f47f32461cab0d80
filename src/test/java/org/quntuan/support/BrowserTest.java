package org.quntuan.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The main flows in a real browser: Debian's headless Chromium at phone width (375 px), driven by
 * Selenium through Debian's chromedriver (nothing is downloaded). On CI a missing browser fails the
 * run; elsewhere these tests are skipped with a note.
 * <p>
 * Each test class gets its own browser, started before its first test and quit after its last; the
 * helpers here sign in through the real login form, wait, click and keep screenshots under
 * {@code target/screenshots}.
 */
@Tag("browser")
public abstract class BrowserTest extends IntegrationTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	protected static WebDriver driver;

	@LocalServerPort
	protected int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present && "true".equals(System.getenv("CI"))) {
			fail("CI 环境缺少 /usr/bin/chromium 或 /usr/bin/chromedriver（.ci/run 应安装 chromium 和 chromium-driver）");
		}
		assumeTrue(present, "未安装 chromium / chromium-driver，跳过浏览器测试");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=375,812", "--lang=zh-CN",
				"--user-data-dir=" + Files.createTempDirectory("quntuan-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	/** The absolute address of a path on the test server. */
	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected WebDriverWait waitUpTo(int seconds) {
		return new WebDriverWait(driver, Duration.ofSeconds(seconds));
	}

	/** Signs in afresh (no cookies kept) through the login form and waits for the home page. */
	protected void signIn(String username) {
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		waitUpTo(10).until(ExpectedConditions.urlToBe(url("/")));
	}

	/** Keeps the current page as {@code target/screenshots/<name>.png}. */
	protected void screenshot(String name) throws IOException {
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Runs a script in the page. */
	protected Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/**
	 * Clicks an element after scrolling it to the centre of the view; should something lie over it
	 * (at 375 px a sticky element may, and late in the suite the pages are long and a phone-width
	 * layout may still be settling), clicks it by script, as the click itself is what matters.
	 */
	protected void click(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		try {
			element.click();
		}
		catch (ElementClickInterceptedException covered) {
			script("arguments[0].click();", element);
		}
	}

	/** A checkbox in a long list: clicked by script, as the sticky parts of a phone-width page may cover it. */
	protected void check(WebElement box) {
		script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box);
		assertThat(box.isSelected()).isTrue();
	}

	/** Clicks a button that asks for confirmation, checks what it asks and accepts; answers the question. */
	protected String clickAndConfirm(WebElement button) {
		click(button);
		Alert alert = waitUpTo(5).until(ExpectedConditions.alertIsPresent());
		String question = alert.getText();
		alert.accept();
		return question;
	}
}
