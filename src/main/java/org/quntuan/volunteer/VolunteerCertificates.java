package org.quntuan.volunteer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Masking;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.pdf.CertificatePdf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿服务证明 (the fields of 志愿服务记录与证明出具办法): name, partly masked ID number, volunteer number, the
 * period served, the verified hours, the services, the certifying union and the date, numbered, with a QR
 * code to the public verification page. A certificate is issued when asked for and the figures changed since
 * the last one; otherwise the last one is printed again. The person and their admins ask for it.
 */
@Service
@Transactional
class VolunteerCertificates {

	static final String OWNER = "VOLUNTEER_CERTIFICATE";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The PDF and its file name. */
	record Pdf(String fileName, byte[] bytes, String number) {
	}

	private final CertificateRepository certificates;

	private final VolunteerRepository volunteers;

	private final VolunteerAccess access;

	private final AuditLog audit;

	private final Clock clock;

	VolunteerCertificates(CertificateRepository certificates, VolunteerRepository volunteers, VolunteerAccess access,
			AuditLog audit, Clock clock) {
		this.certificates = certificates;
		this.volunteers = volunteers;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** The certificate of a registration, for the person and their admins; 422 before any verified hours. */
	Pdf certificate(long volunteerId, String verifyBase) {
		VolunteerRepository.Row v = volunteers.find(volunteerId).orElseThrow(NotFoundException::new);
		access.requireSeen(v.personId());
		if (v.number() == null) {
			throw new BusinessRuleException("volunteer.certificate.error.no-number");
		}
		CertificateRepository.Certified figures = certificates.certified(v.personId())
			.orElseThrow(() -> new BusinessRuleException("volunteer.certificate.error.no-hours"));
		CertificateRepository.Row c = certificates.latestOf(volunteerId)
			.filter(last -> last.hours().compareTo(figures.hours()) == 0 && last.from().equals(figures.from())
					&& last.to().equals(figures.to()))
			.orElseGet(() -> issue(v, figures));
		audit.record(AuditType.EXPORT, OWNER, c.id(), AuditLog.SUCCESS,
				Texts.chinese("volunteer.audit.certificate", c.number(), v.name(), Hours.format(c.hours())), v.orgPath());
		byte[] bytes = CertificatePdf.render(new CertificatePdf.Certificate(
				Texts.chinese("volunteer.certificate.pdf.number", c.number()),
				Texts.chinese("volunteer.certificate.pdf.title"), sentence(c), c.certifierName(), c.issuedOn(),
				verifyBase + "/verify/volunteer-certificates/" + c.code(),
				Texts.chinese("volunteer.certificate.pdf.caption"),
				Texts.chinese("volunteer.certificate.pdf.document-title", c.number()),
				Texts.chinese("volunteer.certificate.pdf.title")));
		return new Pdf(Texts.localized("volunteer.certificate.file", c.number()), bytes, c.number());
	}

	/** The certifying sentence, as printed. */
	static String sentence(CertificateRepository.Row c) {
		return Texts.chinese("volunteer.certificate.pdf.sentence", CertificatePdf.clean(c.name()),
				c.idNumber() == null ? "-" : Masking.keepHeadAndTail(c.idNumber()), c.volunteerNumber(), CertificatePdf.chineseDate(c.from()),
				CertificatePdf.chineseDate(c.to()), Hours.format(c.hours()), CertificatePdf.clean(c.services()));
	}

	/** Public: 404 for an unknown code; a known one is valid while the verified hours of its period still reach it. */
	@Transactional(readOnly = true)
	VolunteerViews.CertificateCheck verify(String code) {
		if (code == null || code.length() > 40) {
			throw new NotFoundException();
		}
		CertificateRepository.Row c = certificates.byCode(code).orElseThrow(NotFoundException::new);
		boolean valid = certificates.verifiedWithin(c.personId(), c.from(), c.to()).compareTo(c.hours()) >= 0;
		return new VolunteerViews.CertificateCheck(Masking.personName(c.name()), Hours.format(c.hours()), c.from(), c.to(), c.issuedOn(),
				c.number(), valid);
	}

	private CertificateRepository.Row issue(VolunteerRepository.Row v, CertificateRepository.Certified figures) {
		List<String> services = certificates.services(v.personId());
		String joined = String.join(Texts.chinese("volunteer.certificate.separator"), services);
		if (joined.length() > 200) {
			joined = Texts.chinese("volunteer.certificate.services-more", joined.substring(0, 200));
		}
		String code = HexFormat.of().formatHex(bytes());
		long id = certificates.insert(code, v.id(), v.personId(), figures, joined, certificates.certifierOf(v.personId()),
				LocalDate.now(clock.withZone(Zones.BUSINESS)), access.user().accountId(), OffsetDateTime.now(clock));
		CertificateRepository.Row c = certificates.latestOf(v.id()).filter(r -> r.id() == id).orElseThrow();
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("volunteer.audit.certificate-issued", c.number(), v.name(), Hours.format(c.hours())),
				v.orgPath());
		return c;
	}

	private static byte[] bytes() {
		byte[] b = new byte[16];
		RANDOM.nextBytes(b);
		return b;
	}
}
