package io.stride.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The seed corpus of a fuzz test: every file in {@code src/test/resources/fuzz/<value>/}. Without fuzzing these are
 * the inputs the test runs (each a regression check, crashes found earlier among them); when fuzzing, Jazzer starts
 * from them. Put it before {@code @FuzzTest}, which must come last.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(FuzzSeedFiles.class)
public @interface FuzzSeeds {

	/** The folder under {@code fuzz/} on the test class path. */
	String value();
}
