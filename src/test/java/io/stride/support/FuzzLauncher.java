package io.stride.support;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Runs one fuzz test in a JVM of its own, for {@code .ci/fuzz}: {@code FuzzLauncher io.stride.x.YFuzzTests#method}.
 * Jazzer fuzzes one test per JVM; starting that JVM directly on the test class path, instead of through a Maven run
 * per target, saves Maven's own start-up for each of them and lets two targets fuzz at once without two Maven runs
 * sharing (and deleting) surefire's files. Exits 0 when the test passed, 1 when it failed (a finding), 2 when the
 * target is not found.
 */
public final class FuzzLauncher {

	private FuzzLauncher() {
	}

	public static void main(String[] args) throws ClassNotFoundException {
		if (args.length != 1 || !args[0].contains("#")) {
			System.err.println("usage: FuzzLauncher <fully qualified class>#<method>");
			System.exit(2);
		}
		String className = args[0].substring(0, args[0].indexOf('#'));
		String methodName = args[0].substring(args[0].indexOf('#') + 1);
		Class<?> testClass = Class.forName(className);
		List<Method> methods = Arrays.stream(testClass.getDeclaredMethods())
			.filter(method -> method.getName().equals(methodName))
			.toList();
		if (methods.size() != 1) {
			System.err.println("FuzzLauncher: " + methods.size() + " methods named " + args[0]);
			System.exit(2);
		}
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectMethod(testClass, methods.getFirst()))
			.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request, listener);
		TestExecutionSummary summary = listener.getSummary();
		summary.printFailuresTo(new PrintWriter(System.out, true), 40);
		System.out.printf("FuzzLauncher: %d tests, %d failed%n", summary.getTestsFoundCount(),
				summary.getTotalFailureCount());
		System.exit(summary.getTestsFoundCount() == 0 ? 2 : summary.getTotalFailureCount() == 0 ? 0 : 1);
	}
}
