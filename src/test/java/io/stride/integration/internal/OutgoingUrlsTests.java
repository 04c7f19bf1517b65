package io.stride.integration.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where webhooks and chat may post: https to public addresses; loopback only in development. */
class OutgoingUrlsTests {

	final OutgoingUrls production = new OutgoingUrls(false);

	final OutgoingUrls development = new OutgoingUrls(true);

	@Test
	void onlyHttpsToAPublicAddressIsAccepted() {
		assertThat(production.problem("https://93.184.216.34/hooks/abc")).isNull();
		assertThat(production.problem("http://93.184.216.34/hooks/abc")).startsWith("The address must start with https://");
		assertThat(production.problem("ftp://93.184.216.34/x")).startsWith("The address must start with https://");
		assertThat(production.problem("not a url")).isNotNull();
		assertThat(production.problem("")).isEqualTo("Enter the https address to post to.");
		assertThat(production.problem("https://user:secret@93.184.216.34/")).contains("user name or password");
	}

	@Test
	void privateLinkLocalAndLoopbackAddressesAreRefused() {
		for (String url : new String[] { "https://10.1.2.3/hook", "https://192.168.1.20/hook", "https://172.16.0.9/",
				"https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hook", "https://[fe80::1]/",
				"https://0.0.0.0/", "https://100.64.0.1/", "https://192.0.0.170/", "https://255.255.255.255/",
				"https://240.1.2.3/",
				// IPv4 inside IPv6: NAT64, 6to4, Teredo and IPv4-compatible addresses of the metadata service
				"https://[64:ff9b::a9fe:a9fe]/", "https://[2002:a9fe:a9fe::1]/", "https://[2001:0:a9fe:a9fe::1]/",
				"https://[::a9fe:a9fe]/" }) {
			assertThat(production.problem(url)).as(url).contains("private or local network");
		}
		assertThat(production.problem("https://127.0.0.1:8443/hook")).contains("loopback");
		assertThat(production.problem("http://127.0.0.1:8080/hook")).startsWith("The address must start with https://");
	}

	@Test
	void loopbackIsAllowedOverHttpOnlyInDevelopment() {
		assertThat(development.problem("http://127.0.0.1:8080/hook")).isNull();
		assertThat(development.problem("https://127.0.0.1:8443/hook")).isNull();
		assertThat(development.problem("https://10.1.2.3/hook")).contains("private or local network");
		assertThat(development.problem("http://93.184.216.34/hook")).startsWith("The address must start with https://");
	}

	@Test
	void aMaskedAddressShowsOnlyItsSchemeAndHost() {
		assertThat(OutgoingUrls.masked("https://hooks.slack.com/services/T000/B000/XXXXSECRET"))
			.isEqualTo("https://hooks.slack.com/…");
	}
}
