package io.stride.journey;

import io.stride.support.Fixtures;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps several journeys share: signing in and out through the real form, and picking a quiz option by the words
 * of its question.
 */
final class LearnerSteps {

	private LearnerSteps() {
	}

	static void signIn(Browser browser, String email) {
		signIn(browser, email, Fixtures.PASSWORD);
	}

	static void signIn(Browser browser, String email, String password) {
		browser.go("/login");
		browser.checkAccessibility();
		browser.type("#email", email);
		browser.type("#password", password);
		browser.navigate("button[type=submit]");
		// managers start on their home, everyone else on My learning
		assertThat(browser.path()).matches("/(home|learning)([/?].*)?");
	}

	static void signOut(Browser browser) {
		browser.navigate("form[action='/logout'] button");
		assertThat(browser.text()).contains("You are signed out.");
	}

	/** Picks an option of the quiz question whose legend contains the given words. */
	static void pick(Browser browser, String question, String option) {
		browser.all("#quiz fieldset")
			.stream()
			.filter(fieldset -> fieldset.findElement(By.tagName("legend")).getText().contains(question))
			.findFirst()
			.orElseThrow()
			.findElements(By.tagName("label"))
			.stream()
			.filter(label -> label.getText().equals(option))
			.findFirst()
			.orElseThrow()
			.click();
	}
}
