package org.quntuan.learning.quizzes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A competition's leaderboard, per person or per organ, as an .xlsx file for its keepers; every export audited. */
@Service
class LeaderboardExport {

	record File(String name, byte[] bytes) {
	}

	private final QuizAccess access;

	private final QuizQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	LeaderboardExport(QuizAccess access, QuizQueries queries, AuditLog audit, Clock clock) {
		this.access = access;
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	File export(long quizId, boolean byOrg) {
		QuizRepository.QuizRow quiz = access.managed(quizId);
		ExcelTable table = ExcelTable.streaming().sheet(Texts.localized(byOrg ? "quiz.export.org.sheet" : "quiz.export.person.sheet"));
		int rows = 0;
		if (byOrg) {
			table.title(Texts.localized("quiz.export.org.title", quiz.title()));
			table.header(headers("quiz.export.rank", "quiz.export.org", "quiz.export.people", "quiz.export.participants",
					"quiz.export.rate", "quiz.export.average"),
				new int[] { 8, 30, 10, 10, 10, 10 });
			for (int page = 0;; page++) {
				PageResult<QuizViews.OrgRank> ranks = queries.orgRanks(quizId, new PageRequest(page, PageRequest.MAX_SIZE));
				for (QuizViews.OrgRank r : ranks.content()) {
					table.row().number(r.rank()).text(r.name()).number(r.people()).number(r.participants())
						.percent(r.participationRate()).decimal(r.averageScore() == null ? BigDecimal.ZERO : r.averageScore());
					rows++;
				}
				if (!ranks.hasNext()) {
					break;
				}
			}
		}
		else {
			table.title(Texts.localized("quiz.export.person.title", quiz.title()));
			table.header(headers("quiz.export.rank", "quiz.export.name", "quiz.export.org", "quiz.export.score",
					"quiz.export.time"),
				new int[] { 8, 12, 30, 8, 10 });
			for (int page = 0;; page++) {
				PageResult<QuizViews.PersonRank> ranks = queries.personRanks(quizId, new PageRequest(page, PageRequest.MAX_SIZE));
				for (QuizViews.PersonRank r : ranks.content()) {
					table.row().number(r.rank()).text(r.name()).text(r.organName()).number(r.score())
						.number(r.timeUsedSeconds());
					rows++;
				}
				if (!ranks.hasNext()) {
					break;
				}
			}
		}
		audit.record(AuditType.EXPORT, "QUIZ", quizId, AuditLog.SUCCESS,
				Texts.chinese(byOrg ? "quiz.audit.exported.org" : "quiz.audit.exported.person", quiz.title(), rows), quiz.ownerPath());
		String name = Texts.localized(byOrg ? "quiz.export.org.file" : "quiz.export.person.file", quiz.title(),
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return new File(name, table.bytes());
	}

	/** The column headers under these keys, in the reader's language. */
	private static String[] headers(String... keys) {
		return Arrays.stream(keys).map(Texts::localized).toArray(String[]::new);
	}
}
