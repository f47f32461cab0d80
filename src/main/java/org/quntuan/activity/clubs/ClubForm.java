package org.quntuan.activity.clubs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new club: the sponsor is the federation or an organ's union; the leader a person with an account. */
public record ClubForm(@NotBlank(message = "请填写俱乐部名称") @Size(max = 100, message = "名称最多 100 个字") String name,
		@Size(max = 2000, message = "简介最多 2000 个字") String description,
		@NotNull(message = "请选择负责人") Long leaderPersonId,
		@NotNull(message = "请选择主办组织") Long sponsorOrgId) {
}
