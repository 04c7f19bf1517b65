package io.stride.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.stride.audit.AuditLog;
import io.stride.identity.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(Viewer me, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "") String subject,
			Model model) {
		model.addAttribute("result", audit.page(me, subject, page, 50));
		model.addAttribute("subject", subject);
		return "admin/audit";
	}

	@GetMapping("/admin/audit.csv")
	void export(Viewer viewer, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"stride-audit.csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		audit.exportCsv(viewer, response.getWriter());
	}
}
