package io.stride;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	// analysed once for both tests: the analysis of every class is most of their time
	private static final ApplicationModules modules = ApplicationModules.of(StrideApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The generated module documentation (a canvas per module and PlantUML diagrams) takes about 40 s to write, in every
	 * CI run, for files nobody there reads: written on demand, with {@code STRIDE_MODULE_DOCS=true ./mvnw test
	 * -Dtest=ModularityTests}. docs/ARCHITECTURE.md keeps the module map by hand.
	 */
	@Test
	@EnabledIfEnvironmentVariable(named = "STRIDE_MODULE_DOCS", matches = "true")
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
	}
}
