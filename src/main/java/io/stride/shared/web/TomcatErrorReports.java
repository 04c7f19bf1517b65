package io.stride.shared.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemReportValve} in place of the host's error report valve, once the host has made its own (it does
 * so as it starts, before the application).
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorReports {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReports() {
		return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof Host host) {
				replace(host.getPipeline());
			}
		}));
	}

	private static void replace(Pipeline pipeline) {
		ProblemReportValve problems = new ProblemReportValve();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ProblemReportValve) {
				return;
			}
			if (valve instanceof ErrorReportValve tomcats) {
				problems.setShowReport(tomcats.isShowReport());
				problems.setShowServerInfo(tomcats.isShowServerInfo());
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(problems);
	}
}
