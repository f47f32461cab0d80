package org.quntuan.learning.materials;

import org.quntuan.platform.Coded;

/** What a study material is: an article written on the platform, a PDF, a video (uploaded mp4 or a link) or a link. */
public enum MaterialKind implements Coded {
	ARTICLE("文章"),
	PDF("PDF 文档"),
	VIDEO("视频"),
	LINK("链接");

	private final String label;

	MaterialKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
