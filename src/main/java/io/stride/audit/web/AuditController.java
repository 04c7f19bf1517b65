package io.stride.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.stride.audit.AuditLog;
import io.stride.identity.Organization;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

	private final AuditLog audit;

	private final Organization organization;

	AuditController(AuditLog audit, Organization organization) {
		this.audit = audit;
		this.organization = organization;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "") String subject, Model model) {
		model.addAttribute("result", audit.page(organization.currentViewer(), subject, page, 50));
		model.addAttribute("subject", subject);
		return "admin/audit";
	}

	@GetMapping("/admin/audit.csv")
	void export(HttpServletResponse response) throws IOException {
		var viewer = organization.currentViewer();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"stride-audit.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		audit.exportCsv(viewer, response.getWriter());
	}
}
