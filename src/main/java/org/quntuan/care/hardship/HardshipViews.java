package org.quntuan.care.hardship;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.finance.Amounts;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.files.StoredFile;
import org.springframework.web.multipart.MultipartFile;

/** What the pages and the API show of the register and the subsidies, and what they take. */
final class HardshipViews {

	private HardshipViews() {
	}

	/**
	 * A register entry in a list: no household details (causes, household size, income), only what finds the
	 * entry and says whether it still qualifies.
	 */
	record CaseItem(long id, long personId, String personName, String organName, CodeLabel level,
			LocalDate reviewDate, boolean overdue) {

		static CaseItem of(HardshipRepository.CaseRow c, LocalDate today) {
			return new CaseItem(c.id(), c.personId(), c.personName(), c.organName(), c.level().toCodeLabel(), c.reviewDate(),
					c.reviewDate().isBefore(today));
		}
	}

	/**
	 * One entry: the household details only when {@code whole} (asked for, and logged when the viewer is
	 * not the person); otherwise they are null and the page shows them masked.
	 */
	record CaseDetail(long id, long personId, String personName, String organName, CodeLabel level,
			LocalDate reviewDate, boolean overdue, boolean whole, List<CodeLabel> causes, Integer householdSize,
			String incomePerHead, String note, List<Document> documents, int version, boolean keeper,
			String paidThisYear, String capThisYear) {

		/** For the review form's check boxes. */
		public boolean hasCause(String code) {
			return causes != null && causes.stream().anyMatch(c -> c.code().equals(code));
		}
	}

	record Document(long id, String name, String kind, long sizeBytes) {

		static Document of(StoredFile f) {
			return new Document(f.id(), f.originalName(), f.kind().name(), f.sizeBytes());
		}
	}

	record SubsidyItem(long id, long personId, String personName, String amount, CodeLabel status,
			OffsetDateTime createdAt, OffsetDateTime paidAt, Long approvalId) {

		static SubsidyItem of(HardshipRepository.SubsidyRow s) {
			return new SubsidyItem(s.id(), s.personId(), s.personName(), s.amount().toPlainString(), s.status().toCodeLabel(),
					s.createdAt(), s.paidAt(), s.approvalId());
		}

		public String amountText() {
			return Amounts.format(new BigDecimal(amount));
		}
	}

	record SubsidyDetail(long id, long caseId, long personId, String personName, String amount, String reason,
			CodeLabel status, OffsetDateTime createdAt, OffsetDateTime paidAt, Long approvalId, Long txnId,
			List<Document> documents) {

		public String amountText() {
			return Amounts.format(new BigDecimal(amount));
		}
	}

	/** An entry as entered; {@code personId} only when it is created, {@code version} only when it is reviewed. */
	record CaseInput(Long personId, List<String> causes, Integer householdSize, String incomePerHead, String level,
			LocalDate reviewDate, String note, Integer version) {
	}

	/** A subsidy application; {@code personId} null for oneself. */
	record SubsidyInput(Long personId, String amount, String reason) {
	}

	record Upload(String name, InputStream content, long size) {

		static Upload of(MultipartFile file) {
			if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				return null;
			}
			try {
				return new Upload(file.getOriginalFilename(), file.getInputStream(), file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		static List<Upload> of(List<MultipartFile> files) {
			List<Upload> uploads = new ArrayList<>();
			if (files != null) {
				for (MultipartFile f : files) {
					Upload u = of(f);
					if (u != null) {
						uploads.add(u);
					}
				}
			}
			return uploads;
		}
	}
}
