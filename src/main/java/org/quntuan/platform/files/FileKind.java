package org.quntuan.platform.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.quntuan.platform.Coded;

/**
 * The kinds of file the platform accepts. A file must carry one of the kind's extensions AND start
 * with its signature bytes; Office files are ZIP packages, so they are also opened and must hold
 * the part that makes them a workbook or a document.
 */
public enum FileKind implements Coded {

	PDF("PDF 文档", "application/pdf", List.of("pdf"), bytes("%PDF-"), null),
	PNG("PNG 图片", "image/png", List.of("png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, null),
	JPEG("JPEG 图片", "image/jpeg", List.of("jpg", "jpeg"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, null),
	XLSX("Excel 工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
			new byte[] { 'P', 'K', 0x03, 0x04 }, "xl/workbook.xml"),
	DOCX("Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
			new byte[] { 'P', 'K', 0x03, 0x04 }, "word/document.xml"),
	/** ISO base media: a box length (any 4 bytes), then the {@code ftyp} box type. */
	MP4("MP4 视频", "video/mp4", List.of("mp4"), new byte[] { 0, 0, 0, 0, 'f', 't', 'y', 'p' }, null);

	/** Bytes of a signature that may be anything (the length of an MP4's first box). */
	private static final int ANY_BEFORE_FTYP = 4;

	/** Enough leading bytes to recognise every kind. */
	static final int SIGNATURE_LENGTH = 8;

	private final String label;

	private final String contentType;

	private final List<String> extensions;

	private final byte[] signature;

	private final String requiredZipEntry;

	FileKind(String label, String contentType, List<String> extensions, byte[] signature, String requiredZipEntry) {
		this.label = label;
		this.contentType = contentType;
		this.extensions = extensions;
		this.signature = signature;
		this.requiredZipEntry = requiredZipEntry;
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String label() {
		return label;
	}

	public String contentType() {
		return contentType;
	}

	public List<String> extensions() {
		return extensions;
	}

	/** The kind named by a file name's extension, case-insensitively. */
	public static Optional<FileKind> byExtension(String fileName) {
		if (fileName == null) {
			return Optional.empty();
		}
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return Optional.empty();
		}
		String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.extensions.contains(ext)).findFirst();
	}

	/** Whether the first bytes of a file are this kind's signature. */
	boolean startsWithSignature(byte[] head, int length) {
		if (length < signature.length) {
			return false;
		}
		for (int i = this == MP4 ? ANY_BEFORE_FTYP : 0; i < signature.length; i++) {
			if (head[i] != signature[i]) {
				return false;
			}
		}
		return true;
	}

	/** For Office packages: the ZIP entry that must exist; null for other kinds. */
	String requiredZipEntry() {
		return requiredZipEntry;
	}
}
