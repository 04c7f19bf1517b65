package io.stride.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Style sheets and scripts carry their content's hash (the web jar its version) in the URL, so a browser keeps them
 * for a year and still fetches a changed file at once; nothing outside the asset folders is served as a file.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaticAssetsTests {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesLinkAssetsByContentHashAndBrowsersMayKeepThem() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		String css = page.select("link[rel=stylesheet][href^=/css/]").attr("href");
		String js = page.select("script[src^=/js/]").attr("src");
		String pico = page.select("link[rel=stylesheet][href^=/webjars/]").attr("href");
		assertThat(css).matches("/css/stride-[0-9a-f]{32}\\.css");
		assertThat(js).matches("/js/stride-[0-9a-f]{32}\\.js");
		assertThat(pico).matches("/webjars/picocss__pico/[0-9.]+/css/pico\\.min\\.css");
		for (String asset : new String[] { css, js, pico }) {
			MockHttpServletResponse response = mvc.perform(get(asset)).andExpect(status().isOk()).andReturn().getResponse();
			assertThat(response.getHeader("Cache-Control")).as(asset).contains("max-age=31536000");
			assertThat(response.getContentAsByteArray()).as(asset).isNotEmpty();
		}
	}

	@Test
	void everyPageHasAnIconThatNeedsNoSignInAndFaviconIcoLeadsToIt() throws Exception {
		Document page = Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString());
		assertThat(page.select("head link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
		MockHttpServletResponse icon = mvc.perform(get("/favicon.svg")).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(icon.getContentType()).startsWith("image/svg+xml");
		assertThat(icon.getContentAsString()).contains("<svg");
		// browsers ask for /favicon.ico on every page whatever it links; not signed in, it is not a 404 nor the sign-in
		mvc.perform(get("/favicon.ico"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "/favicon.svg"));
	}

	@Test
	void aHashThatIsNotTheContentsIsNotServed() throws Exception {
		mvc.perform(get("/css/stride-00000000000000000000000000000000.css")).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheAssetFoldersAreServedAsFiles() throws Exception {
		for (String path : new String[] { "/application.yml", "/static/css/stride.css", "/db/migration/V1__foundation.sql",
				"/templates/fragments/layout.html" }) {
			int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
			assertThat(status).as(path).isNotEqualTo(200);
		}
	}

}
