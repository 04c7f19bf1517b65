package io.stride.catalog.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.stride.catalog.Catalog;
import io.stride.catalog.CatalogPage;
import io.stride.catalog.CatalogQuery;
import io.stride.identity.Viewer;
import io.stride.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/** The catalogue page: a GET form, so that a search is a link one can share and go back to. */
@Controller
class CatalogController {

	private final Catalog catalog;

	CatalogController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/catalogue")
	String catalogue(Viewer me, CatalogParams params, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		CatalogPage result;
		try {
			result = catalog.search(me, params.query());
		}
		catch (InvalidInputException e) {
			// the reason next to the field, and the whole catalogue below it rather than an error page
			response.setStatus(422);
			errors.putAll(e.fieldErrors());
			result = catalog.search(me, new CatalogQuery(null, null, null, null, null, null, 1));
		}
		model.addAttribute("params", params);
		model.addAttribute("errors", errors);
		model.addAttribute("result", result);
		model.addAttribute("capabilities", catalog.capabilities());
		model.addAttribute("teams", catalog.teams());
		model.addAttribute("languages", catalog.languages());
		model.addAttribute("lengths", CatalogQuery.Length.values());
		model.addAttribute("sorts", CatalogQuery.Sort.values());
		if (result.page() > 1) {
			model.addAttribute("previous", pageLink(params, result.page() - 1));
		}
		if (result.page() < result.pages()) {
			model.addAttribute("next", pageLink(params, result.page() + 1));
		}
		return "catalog/catalogue";
	}

	/** The same search on another page; empty parameters are left out. */
	private static String pageLink(CatalogParams p, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/catalogue");
		Map<String, String> values = new LinkedHashMap<>();
		values.put("q", p.q());
		values.put("capability", p.capability());
		values.put("team", p.team());
		values.put("length", p.length());
		values.put("minScore", p.minScore());
		values.put("sort", p.sort());
		values.put("language", p.language());
		values.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		return link.queryParam("page", page).encode().build().toUriString();
	}
}
