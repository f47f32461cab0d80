package org.quntuan.learning.materials;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a PDF for its reading time, counted as the page objects written in the open
 * ({@code /Type /Page}). A PDF that keeps its objects in compressed streams shows none; it is then
 * estimated from its size ({@link ReadingTime#BYTES_PER_PDF_PAGE}). Only an estimate: the count sets a
 * minimum reading time, nothing else depends on it.
 */
final class PdfPages {

	private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");

	private PdfPages() {
	}

	static int count(InputStream pdf, long size) {
		try (InputStream in = pdf) {
			String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			Matcher m = PAGE.matcher(text);
			int pages = 0;
			while (m.find()) {
				pages++;
			}
			return pages > 0 ? pages : (int) Math.max(1, size / ReadingTime.BYTES_PER_PDF_PAGE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
