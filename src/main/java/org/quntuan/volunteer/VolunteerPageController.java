package org.quntuan.volunteer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The volunteer pages. */
@Controller
class VolunteerPageController {

	private final VolunteerCertificates certificates;

	VolunteerPageController(VolunteerCertificates certificates) {
		this.certificates = certificates;
	}

	/** Public: the page a certificate's QR code opens. */
	@GetMapping("/verify/volunteer-certificates/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("c", certificates.verify(code));
		return "volunteer/verify";
	}
}
