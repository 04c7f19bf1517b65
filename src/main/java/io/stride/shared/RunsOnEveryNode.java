package io.stride.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that every node runs on purpose, without the cluster-wide lock the other jobs
 * take ({@code @SchedulerLock}, ADR 0039): its work is already divided between nodes (rows claimed with a lease), or is
 * the node's own (its files, its worker threads), so one lock for all nodes would only take work away from them. A
 * scheduled method carries one or the other; {@code ScheduledJobsRunOnceTests} fails the build otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RunsOnEveryNode {

	/** Why running on several nodes at once is safe, and why a single node would be worse. */
	String value();
}
