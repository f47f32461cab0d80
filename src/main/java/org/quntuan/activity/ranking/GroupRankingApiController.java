package org.quntuan.activity.ranking;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/group-rankings")
@Tag(name = "片组排名", description = "年终片组活动排名：计算、发布、导出")
class GroupRankingApiController {

	private final GroupRankings rankings;

	GroupRankingApiController(GroupRankings rankings) {
		this.rankings = rankings;
	}

	@PostMapping
	@Operation(summary = "计算某年度的片组排名（工委管理员；权重之和为 100；发布后再计算返回 409）")
	ResponseEntity<GroupRankingView> run(@Valid @RequestBody GroupRankingRequest request) {
		GroupRankingView view = rankings.run(request);
		return ResponseEntity.created(URI.create("/api/v1/group-rankings/" + view.year())).body(view);
	}

	@GetMapping("/{year}")
	@Operation(summary = "某年度的片组排名（发布后所有用户可见，发布前仅工委管理员）")
	GroupRankingView get(@PathVariable int year) {
		return rankings.find(year);
	}

	@PostMapping("/{year}/publish")
	@Operation(summary = "发布排名：此后不能再计算，并通知评优模块给前几名片组增加名额")
	GroupRankingView publish(@PathVariable int year) {
		return rankings.publish(year);
	}

	@GetMapping("/{year}/export")
	@Operation(summary = "导出排名 Excel")
	ResponseEntity<byte[]> export(@PathVariable int year) {
		GroupRankingView view = rankings.find(year);
		return ResponseEntity.ok().headers(ExcelDownload.headers(GroupRankingExcel.fileName(view)))
			.body(GroupRankingExcel.write(view));
	}
}
