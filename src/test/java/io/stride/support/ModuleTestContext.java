package io.stride.support;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a module test ({@code @ApplicationModuleTest}) adds to the beans of its module and the modules it depends on:
 * those tests scan only their modules' packages, so the database cleaned once per run and the organization fixtures
 * that {@code @SpringBootTest}s find by scanning are imported here.
 */
@Configuration(proxyBeanMethods = false)
@Import({ CleanDatabaseOnce.class, Fixtures.class })
public class ModuleTestContext {
}
