package org.quntuan.learning.quizzes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
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
		ExcelTable table = ExcelTable.streaming().sheet(byOrg ? "单位排行" : "个人排行");
		int rows = 0;
		if (byOrg) {
			table.title(quiz.title() + " 单位排行（参与率、平均成绩）");
			table.header(new String[] { "名次", "单位", "人数", "参赛人数", "参与率", "平均成绩" }, new int[] { 8, 30, 10, 10, 10, 10 });
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
			table.title(quiz.title() + " 个人排行（每人最好成绩，同分按用时排序）");
			table.header(new String[] { "名次", "姓名", "单位", "得分", "用时（秒）" }, new int[] { 8, 12, 30, 8, 10 });
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
				"导出知识竞赛" + (byOrg ? "单位" : "个人") + "排行：" + quiz.title() + "，" + rows + " 行", quiz.ownerPath());
		String name = quiz.title() + (byOrg ? "单位排行-" : "个人排行-") + LocalDate.now(clock.withZone(Zones.BUSINESS)) + ".xlsx";
		return new File(name, table.bytes());
	}
}
