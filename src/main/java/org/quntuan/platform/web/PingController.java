package org.quntuan.platform.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trivial endpoint: no database, no session. Load runs measure every other endpoint against it
 * in the same run, so that figures from different machines can be compared as ratios.
 */
@RestController
@Tag(name = "运行状态")
class PingController {

	private static final Map<String, String> UP = Map.of("status", "UP");

	@GetMapping("/api/v1/ping")
	@Operation(summary = "存活检查（不访问数据库）")
	Map<String, String> ping() {
		return UP;
	}
}
