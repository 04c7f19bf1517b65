package io.stride;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	// analysed once for both tests: the analysis of every class is most of their time
	private static final ApplicationModules modules = ApplicationModules.of(StrideApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation()
			.writeIndividualModulesAsPlantUml();
	}
}
