package org.quntuan.notice.collections;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.notice.shared.CollectionText;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The collector's downloads: the status table as Excel, and every accepted file in one zip whose
 * folders are the orgs' names. The zip is written straight to the response, one file at a time.
 */
@Component
class CollectionExports {

	private final CollectionTasks collections;

	private final FileStorage files;

	CollectionExports(CollectionTasks collections, FileStorage files) {
		this.collections = collections;
		this.files = files;
	}

	void statusExcel(long id, HttpServletResponse response) throws IOException {
		CollectionTask task = collections.managed(id);
		List<CollectionStatusRow> rows = collections.status(id);
		ExcelDownload.prepare(response, Texts.localized("notice.collection.export.status-file", safe(task.title())));
		String[] headers = Stream.of("unit", "state", "late", "submitted-at", "reviewed-at", "return-reason", "files")
			.map(c -> Texts.localized("notice.collection.export.col." + c)).toArray(String[]::new);
		String lateWord = Texts.localized("notice.collection.export.late");
		try (ExcelTable table = ExcelTable.create()) {
			table.sheet(Texts.localized("notice.collection.export.status-sheet")).header(headers,
					new int[] { 30, 8, 8, 18, 18, 40, 8 });
			for (CollectionStatusRow row : rows) {
				table.row()
					.text(row.orgName())
					.text(Texts.localized(Text.label(row.state().label())))
					.text(row.late() ? lateWord : null)
					.text(CollectionText.time(row.submittedAt()))
					.text(CollectionText.time(row.reviewedAt()))
					.text(row.returnReason())
					.number(row.files());
			}
			table.writeTo(response.getOutputStream());
		}
	}

	void acceptedZip(long id, HttpServletResponse response) throws IOException {
		CollectionTask task = collections.managed(id);
		List<Map.Entry<String, Long>> entries = collections.acceptedFiles(id);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(Texts.localized("notice.collection.export.zip-file", safe(task.title())), StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		writeZip(entries, response.getOutputStream());
	}

	void writeZip(List<Map.Entry<String, Long>> entries, OutputStream out) throws IOException {
		Set<String> used = new HashSet<>();
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, Long> e : entries) {
				Download download = files.open(e.getValue());
				String base = safe(e.getKey()) + "/" + safe(download.file().originalName());
				String name = base;
				int dot = base.lastIndexOf('.');
				for (int n = 2; !used.add(name); n++) {
					name = dot > base.indexOf('/') ? base.substring(0, dot) + "(" + n + ")" + base.substring(dot)
							: base + "(" + n + ")";
				}
				zip.putNextEntry(new ZipEntry(name));
				try (InputStream in = download.openStream()) {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
	}

	/** No path separators or dot segments in a zip entry or file name. */
	static String safe(String name) {
		String s = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (s.isEmpty() || s.equals(".") || s.equals("..")) {
			return "_";
		}
		return s.length() > 120 ? s.substring(0, 120) : s;
	}
}
