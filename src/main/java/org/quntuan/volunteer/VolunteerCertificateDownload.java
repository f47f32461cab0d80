package org.quntuan.volunteer;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A certificate's PDF as a download (audited by {@link VolunteerCertificates}). Its QR code leads to the
 * verification page at the public address ({@code quntuan.notifications.base-url}), else the request's own.
 */
@Component
class VolunteerCertificateDownload {

	private final VolunteerCertificates certificates;

	private final String baseUrl;

	VolunteerCertificateDownload(VolunteerCertificates certificates, @Value("${quntuan.notifications.base-url:}") String baseUrl) {
		this.certificates = certificates;
		this.baseUrl = baseUrl;
	}

	ResponseEntity<byte[]> download(long volunteerId) {
		String base = baseUrl == null || baseUrl.isBlank()
				? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl.replaceAll("/+$", "");
		VolunteerCertificates.Pdf pdf = certificates.certificate(volunteerId, base);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(pdf.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf.bytes());
	}
}
