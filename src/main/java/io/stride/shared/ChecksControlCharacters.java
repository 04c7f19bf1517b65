package io.stride.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request handler that checks its text for control characters itself, so that it can show the refusal at
 * the field with the rest of the form kept; every other handler has its parameters checked before it runs.
 * Naming parameters leaves the others to the general check. It may stand on an annotation of a module's own that
 * names the parameters once for several handlers.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
public @interface ChecksControlCharacters {

	/**
	 * The parameters the handler checks itself, by name, where {@code *} stands for an index
	 * ({@code lessons[*].title} for every lesson's title); none named means all of them.
	 */
	String[] value() default {};
}
