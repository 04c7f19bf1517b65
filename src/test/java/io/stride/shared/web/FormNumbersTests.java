package io.stride.shared.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormNumbersTests {

	@Test
	void aWholeNumberIsReadWithTheSpacesAroundIt() {
		assertThat(FormNumbers.wholeNumber(" 12 ")).contains(12);
		assertThat(FormNumbers.wholeNumber("-3")).contains(-3);
		assertThat(FormNumbers.wholeNumber("+5")).contains(5);
		assertThat(FormNumbers.wholeNumber("0")).contains(0);
	}

	@Test
	void anythingElseIsNoWholeNumber() {
		assertThat(FormNumbers.wholeNumber(null)).isEmpty();
		assertThat(FormNumbers.wholeNumber("")).isEmpty();
		assertThat(FormNumbers.wholeNumber("   ")).isEmpty();
		assertThat(FormNumbers.wholeNumber("12.5")).isEmpty();
		assertThat(FormNumbers.wholeNumber("twelve")).isEmpty();
		assertThat(FormNumbers.wholeNumber("1 2")).isEmpty();
		assertThat(FormNumbers.wholeNumber("99999999999")).isEmpty();
	}

	@Test
	void aDecimalTakesAPointOrAComma() {
		assertThat(FormNumbers.decimal("12.5")).contains(12.5);
		assertThat(FormNumbers.decimal(" 12,5 ")).contains(12.5);
		assertThat(FormNumbers.decimal("7")).contains(7.0);
	}

	@Test
	void anythingElseIsNoDecimal() {
		assertThat(FormNumbers.decimal(null)).isEmpty();
		assertThat(FormNumbers.decimal(" ")).isEmpty();
		assertThat(FormNumbers.decimal("1,200.5")).isEmpty();
		assertThat(FormNumbers.decimal("about 3")).isEmpty();
	}
}
