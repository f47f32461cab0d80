package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.finance.Statements;
import org.quntuan.platform.InvalidValueException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/finance/budgets")
@Tag(name = "经费预算", description = "预算的设置与执行")
class BudgetApiController {

	record BudgetRequest(Long orgId, Integer year, String category, String amount) {
	}

	/**
	 * The budget execution of one book and year as the API gives it: one line per expense category (a
	 * bounded set, so not paged) and the totals of budget and actual.
	 */
	record BudgetExecution(long orgId, int year, List<Statements.BudgetLine> lines, BigDecimal budgetTotal,
			BigDecimal actualTotal) {

		static BudgetExecution of(long orgId, int year, List<Statements.BudgetLine> lines) {
			return new BudgetExecution(orgId, year, lines,
					lines.stream().map(Statements.BudgetLine::budget).filter(Objects::nonNull)
						.reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP),
					lines.stream().map(Statements.BudgetLine::actual).filter(Objects::nonNull)
						.reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP));
		}
	}

	private final Budgets budgets;

	BudgetApiController(Budgets budgets) {
		this.budgets = budgets;
	}

	@GetMapping
	@Operation(summary = "预算执行：一个账簿一个年度各支出科目的预算、实际和比例，及合计 {orgId, year, lines, totals}")
	BudgetExecution execution(@RequestParam long orgId, @RequestParam int year) {
		return BudgetExecution.of(orgId, year, budgets.execution(orgId, year));
	}

	@PutMapping
	@Operation(summary = "设置一个支出科目的年度预算（amount 为两位小数以内的金额字符串）")
	BudgetExecution set(@RequestBody BudgetRequest request) {
		if (request.orgId() == null || request.year() == null) {
			throw new InvalidValueException("orgId", "finance.common.error.book-and-year");
		}
		budgets.set(request.orgId(), request.year(), request.category(), request.amount());
		return BudgetExecution.of(request.orgId(), request.year(), budgets.execution(request.orgId(), request.year()));
	}
}
