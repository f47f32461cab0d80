package org.quntuan.learning.trainings;

import java.nio.charset.StandardCharsets;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A certificate's PDF as a download, audited (it names a person). Its QR code leads to the verification page
 * at the application's public address ({@code quntuan.notifications.base-url}, {@code QUNTUAN_BASE_URL}), so a
 * PDF fetched over an intranet address or a node's own port still prints the address the public reaches;
 * without it, the address the request came in by.
 */
@Component
class CertificateDownload {

	private final TrainingQueries queries;

	private final AuditLog audit;

	private final String baseUrl;

	CertificateDownload(TrainingQueries queries, AuditLog audit,
			@Value("${quntuan.notifications.base-url:}") String baseUrl) {
		this.queries = queries;
		this.audit = audit;
		this.baseUrl = baseUrl;
	}

	ResponseEntity<byte[]> download(String code) {
		String base = baseUrl == null || baseUrl.isBlank()
				? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl.replaceAll("/+$", "");
		TrainingQueries.Pdf pdf = queries.certificate(code, base);
		audit.record(AuditType.EXPORT, "LEARNING_CERTIFICATE_DOWNLOAD", pdf.trainingId(), AuditLog.SUCCESS,
				Texts.chinese("training.audit.certificate-downloaded", pdf.what()), pdf.ownerPath());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(pdf.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf.bytes());
	}
}
