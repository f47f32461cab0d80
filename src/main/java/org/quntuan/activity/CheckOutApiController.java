package org.quntuan.activity;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "活动签退", description = "签退二维码（组织方）与本人扫码签退；志愿服务时长按签到至签退计算")
class CheckOutApiController {

	record CheckOutRequest(String token) {
	}

	record CheckOutAnswer(OffsetDateTime checkedOutAt) {
	}

	record CheckOutCode(String token, String url, OffsetDateTime expiresAt) {
	}

	private final CheckOuts checkOuts;

	private final CheckInCodes codes;

	CheckOutApiController(CheckOuts checkOuts, CheckInCodes codes) {
		this.checkOuts = checkOuts;
		this.codes = codes;
	}

	@GetMapping("/{id}/check-out-code")
	@Operation(summary = "签退二维码的内容（组织方；短期有效的签名令牌，与签到码不通用）")
	CheckOutCode code(@PathVariable long id) {
		CheckInCodes.Code code = codes.issueCheckOut(id, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return new CheckOutCode(code.token(), code.url(), code.expiresAt());
	}

	@PostMapping("/{id}/check-out")
	@Operation(summary = "本人扫码签退（须已签到，至活动结束后 2 小时；再次签退返回第一次的时间）")
	CheckOutAnswer checkOut(@PathVariable long id, @RequestBody(required = false) CheckOutRequest request) {
		return new CheckOutAnswer(checkOuts.checkOut(id, request == null ? null : request.token()));
	}
}
