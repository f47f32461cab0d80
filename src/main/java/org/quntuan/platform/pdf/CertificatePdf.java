package org.quntuan.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.QrCodes;

/**
 * The one certificate writer of the platform: a numbered certificate (结业证书 of a training class,
 * 志愿服务证明, honours) as a one-page A4 landscape PDF with a title, the certifying sentence, the
 * issuer and date, the number and a QR code to the public verification page. The module that issues it
 * composes every text (from its bundle); this class only lays it out.
 *
 * <p>
 * The text is set in STSong-Light, one of the standard Chinese fonts every PDF reader supplies, so
 * nothing is embedded and no font needs to be installed on the server: the font is a Type0 font
 * written by hand (Adobe-GB1 glyphs, UniGB-UCS2-H encoding, the text as UCS-2 big-endian codes)
 * with a ToUnicode map, so the text can be searched and copied in every reader. Characters outside
 * the Basic Multilingual Plane cannot be written in UCS-2 and print as 〓; a rare character that
 * Adobe-GB1 lacks prints blank but still copies correctly.
 */
public final class CertificatePdf {

	/**
	 * @param numberLine the certificate's number as printed top right (证书编号：…)
	 * @param title the large heading, e.g. 结业证书
	 * @param sentence the certifying paragraph; it shrinks to fit the page
	 * @param issuerName the issuing organizations, one per line when separated by spaces
	 * @param caption the words under the QR code
	 * @param documentTitle and {@code subject}: the PDF's properties
	 */
	public record Certificate(String numberLine, String title, String sentence, String issuerName,
			LocalDate issuedOn, String verifyUrl, String caption, String documentTitle, String subject) {

		public Certificate {
			Objects.requireNonNull(numberLine, "numberLine");
			Objects.requireNonNull(title, "title");
			Objects.requireNonNull(sentence, "sentence");
			Objects.requireNonNull(issuerName, "issuerName");
			Objects.requireNonNull(issuedOn, "issuedOn");
			Objects.requireNonNull(verifyUrl, "verifyUrl");
			Objects.requireNonNull(caption, "caption");
			Objects.requireNonNull(documentTitle, "documentTitle");
			Objects.requireNonNull(subject, "subject");
		}
	}

	private static final COSName FONT = COSName.getPDFName("F1");

	/** Adobe's widths of STSong-Light's proportional Latin glyphs, CIDs 1-95 (U+0020 to U+007E in UniGB-UCS2-H). */
	private static final int[] LATIN_WIDTHS = { 207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238,
			375, 238, 334, 462, 462, 462, 462, 462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684,
			560, 695, 739, 563, 511, 729, 793, 318, 312, 666, 526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711,
			972, 647, 620, 607, 374, 333, 374, 606, 500, 239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495,
			228, 793, 527, 524, 524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605 };

	/** Characters that never start a line, and that never end one. */
	private static final String CLOSING = "，。、；：？！）》」』”’,.;:?!)";

	private static final String OPENING = "（《「『“‘(";

	/** Printed in place of a character UCS-2 cannot carry: the geta mark typesetters use for a missing glyph. */
	private static final char MISSING = '〓';

	// Page and layout, in points (A4 landscape: 841.89 × 595.28).
	private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());

	private static final float W = PAGE.getWidth();

	private static final float H = PAGE.getHeight();

	private static final float TEXT_LEFT = 110;

	private static final float TEXT_WIDTH = W - 2 * TEXT_LEFT;

	private static final float BODY_TOP = 378;

	private static final float BODY_BOTTOM = 196;

	private static final float QR_SIZE = 92;

	private static final float QR_LEFT = 62;

	private static final float QR_BOTTOM = 64;

	private static final float SIGNATURE_CENTER = W - 210;

	private static final float SIGNATURE_WIDTH = 330;

	private CertificatePdf() {
	}

	public static byte[] render(Certificate c) {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PAGE);
			doc.addPage(page);
			PDResources resources = new PDResources();
			COSDictionary fonts = new COSDictionary();
			fonts.setItem(FONT, stSongLight(doc));
			resources.getCOSObject().setItem(COSName.FONT, fonts);
			PDImageXObject qr = PDImageXObject.createFromByteArray(doc, QrCodes.png(c.verifyUrl(), 300), "qr.png");
			COSName qrName = resources.add(qr);
			page.setResources(resources);

			Content out = new Content();
			frame(out);
			text(out, c, qrName);
			PDStream contents = new PDStream(doc);
			try (OutputStream os = contents.createOutputStream(COSName.FLATE_DECODE)) {
				os.write(out.bytes());
			}
			page.setContents(contents);

			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(clean(c.documentTitle()));
			info.setSubject(clean(c.subject()));
			info.setCreator("Quntuan");
			doc.getDocumentCatalog().setLanguage("zh-CN");
			ByteArrayOutputStream pdf = new ByteArrayOutputStream();
			doc.save(pdf);
			return pdf.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 2026年12月5日 */
	public static String chineseDate(LocalDate d) {
		return Texts.chinese("platform.certificate.date", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
	}

	private static void frame(Content out) {
		out.op("q");
		out.op("0.62 0.09 0.09 RG");
		out.op("3 w").rect(22, 22, W - 44, H - 44).op("S");
		out.op("0.8 w").rect(31, 31, W - 62, H - 62).op("S");
		out.op("0.6 w").line(W / 2 - 150, 438, W / 2 + 150, 438);
		out.op("Q");
	}

	private static void text(Content out, Certificate c, COSName qrName) {
		float numberSize = 12;
		String number = clean(c.numberLine());
		out.text(number, numberSize, W - 62 - width(number, numberSize), H - 62, 0, false);

		float titleSize = 44;
		float titleTracking = 4;
		String title = clean(c.title());
		float titleWidth = width(title, titleSize) + titleTracking * (title.length() - 1);
		out.op("0.62 0.09 0.09 rg 0.62 0.09 0.09 RG");
		out.text(title, titleSize, (W - titleWidth) / 2, 455, titleTracking, true);
		out.op("0.1 g");

		body(out, clean(c.sentence()));

		float size = 16;
		List<String> issuer = new ArrayList<>();
		for (String name : clean(c.issuerName()).split(" ")) { // joint issuers, one to a line
			issuer.addAll(wrap(name, size, SIGNATURE_WIDTH, SIGNATURE_WIDTH));
		}
		String date = chineseDate(c.issuedOn());
		float leading = size * 1.6f;
		float y = 122 + leading * issuer.size();
		for (String line : issuer) {
			out.text(line, size, SIGNATURE_CENTER - width(line, size) / 2, y, 0, false);
			y -= leading;
		}
		out.text(date, size, SIGNATURE_CENTER - width(date, size) / 2, y, 0, false);

		out.op("q").op(fmt(QR_SIZE) + " 0 0 " + fmt(QR_SIZE) + " " + fmt(QR_LEFT) + " " + fmt(QR_BOTTOM) + " cm")
			.op("/" + qrName.getName() + " Do").op("Q");
		String caption = clean(c.caption());
		float captionSize = 9;
		out.text(caption, captionSize, QR_LEFT + (QR_SIZE - width(caption, captionSize)) / 2, QR_BOTTOM - 12, 0,
				false);
	}

	/** The sentence as a justified paragraph with a two-character first-line indent, smaller if it is long. */
	private static void body(Content out, String sentence) {
		for (float size = 22;; size -= 1) {
			float leading = size * 1.9f;
			List<String> lines = wrap(sentence, size, TEXT_WIDTH - 2 * size, TEXT_WIDTH);
			if (lines.size() * leading <= BODY_TOP - BODY_BOTTOM || size <= 10) {
				float y = BODY_TOP;
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					float x = TEXT_LEFT + (i == 0 ? 2 * size : 0);
					float tracking = 0;
					if (i < lines.size() - 1 && line.length() > 1) {
						tracking = (TEXT_LEFT + TEXT_WIDTH - x - width(line, size)) / (line.length() - 1);
					}
					out.text(line, size, x, y, tracking, false);
					y -= leading;
				}
				return;
			}
		}
	}

	/**
	 * Lines of at most the given widths, broken between characters (a run of Latin letters and digits
	 * stays together), with no closing punctuation at a line's start and no opening one at its end.
	 */
	public static List<String> wrap(String text, float size, float firstWidth, float width) {
		List<String> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			int j = i + 1;
			if (isLatinWord(text.charAt(i))) {
				while (j < text.length() && isLatinWord(text.charAt(j))) {
					j++;
				}
			}
			String token = text.substring(i, j);
			if (width(token, size) > width) {
				for (char ch : token.toCharArray()) {
					tokens.add(String.valueOf(ch));
				}
			}
			else {
				tokens.add(token);
			}
			i = j;
		}
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float max = firstWidth;
		for (String token : tokens) {
			boolean closing = CLOSING.indexOf(token.charAt(0)) >= 0;
			if (line.length() > 0 && !closing && width(line + token, size) > max) {
				StringBuilder carry = new StringBuilder();
				while (line.length() > 1 && OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) {
					carry.insert(0, line.charAt(line.length() - 1));
					line.setLength(line.length() - 1);
				}
				lines.add(line.toString().strip());
				line = carry;
				max = width;
			}
			if (line.length() > 0 || !token.isBlank()) {
				line.append(token);
			}
		}
		if (line.length() > 0) {
			lines.add(line.toString().strip());
		}
		return lines;
	}

	private static boolean isLatinWord(char ch) {
		return ch < 0x80 && Character.isLetterOrDigit(ch);
	}

	/** The width the font declares: Adobe's widths for printable ASCII, a full em for everything else. */
	public static float width(String text, float size) {
		int units = 0;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			units += ch >= 0x20 && ch <= 0x7E ? LATIN_WIDTHS[ch - 0x20] : 1000;
		}
		return units * size / 1000f;
	}

	/** One line of text, control characters as spaces, characters beyond UCS-2 as 〓. */
	public static String clean(String s) {
		StringBuilder b = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
				b.append(' ');
			}
			else if (Character.isBmpCodePoint(cp) && !Character.isSurrogate((char) cp)) {
				b.append((char) cp);
			}
			else {
				b.append(MISSING);
			}
		});
		return b.toString().replaceAll(" {2,}", " ").strip();
	}

	/** STSong-Light as a Type0 font over a non-embedded CIDFontType0, with an identity ToUnicode map. */
	private static COSDictionary stSongLight(PDDocument doc) throws IOException {
		COSDictionary systemInfo = new COSDictionary();
		systemInfo.setString(COSName.REGISTRY, "Adobe");
		systemInfo.setString(COSName.ORDERING, "GB1");
		systemInfo.setInt(COSName.SUPPLEMENT, 2);

		COSDictionary descriptor = new COSDictionary();
		descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
		descriptor.setName(COSName.FONT_NAME, "STSong-Light");
		descriptor.setInt(COSName.FLAGS, 6); // serif, symbolic (glyphs outside the standard Latin set)
		descriptor.setItem(COSName.FONT_BBOX, ints(-25, -254, 1000, 880));
		descriptor.setInt(COSName.ITALIC_ANGLE, 0);
		descriptor.setInt(COSName.ASCENT, 880);
		descriptor.setInt(COSName.DESCENT, -120);
		descriptor.setInt(COSName.CAP_HEIGHT, 880);
		descriptor.setInt(COSName.STEM_V, 93);

		COSArray latin = new COSArray();
		for (int w : LATIN_WIDTHS) {
			latin.add(COSInteger.get(w));
		}
		COSArray widths = new COSArray();
		widths.add(COSInteger.get(1));
		widths.add(latin);

		COSDictionary cidFont = new COSDictionary();
		cidFont.setItem(COSName.TYPE, COSName.FONT);
		cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
		cidFont.setName(COSName.BASE_FONT, "STSong-Light");
		cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
		cidFont.setItem(COSName.FONT_DESC, descriptor);
		cidFont.setInt(COSName.DW, 1000);
		cidFont.setItem(COSName.W, widths);

		COSArray descendants = new COSArray();
		descendants.add(cidFont);

		COSDictionary font = new COSDictionary();
		font.setItem(COSName.TYPE, COSName.FONT);
		font.setItem(COSName.SUBTYPE, COSName.TYPE0);
		font.setName(COSName.BASE_FONT, "STSong-Light");
		font.setName(COSName.ENCODING, "UniGB-UCS2-H");
		font.setItem(COSName.DESCENDANT_FONTS, descendants);
		COSStream toUnicode = doc.getDocument().createCOSStream();
		try (OutputStream os = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
			os.write(identityToUnicode().getBytes(StandardCharsets.US_ASCII));
		}
		font.setItem(COSName.TO_UNICODE, toUnicode);
		return font;
	}

	/**
	 * Each two-byte code to the same Unicode code point, one bfrange per high byte (a range may not
	 * cross a change of the high byte), 100 to a block as the CMap format allows; surrogates left out.
	 */
	static String identityToUnicode() {
		List<String> ranges = new ArrayList<>();
		for (int hi = 0; hi <= 0xFF; hi++) {
			if (hi >= 0xD8 && hi <= 0xDF) {
				continue;
			}
			ranges.add(String.format(Locale.ROOT, "<%02X00> <%02XFF> <%02X00>", hi, hi, hi));
		}
		StringBuilder b = new StringBuilder();
		b.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
		b.append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
		b.append("/CMapName /Quntuan-UCS2-Identity def\n/CMapType 2 def\n");
		b.append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
		for (int from = 0; from < ranges.size(); from += 100) {
			List<String> block = ranges.subList(from, Math.min(from + 100, ranges.size()));
			b.append(block.size()).append(" beginbfrange\n");
			block.forEach(r -> b.append(r).append('\n'));
			b.append("endbfrange\n");
		}
		b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
		return b.toString();
	}

	private static COSArray ints(int... values) {
		COSArray a = new COSArray();
		for (int v : values) {
			a.add(COSInteger.get(v));
		}
		return a;
	}

	private static String fmt(float v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}

	/** The page's content stream, written operator by operator. */
	private static final class Content {

		private final StringBuilder ops = new StringBuilder();

		Content op(String op) {
			ops.append(op).append('\n');
			return this;
		}

		Content rect(float x, float y, float w, float h) {
			return op(fmt(x) + " " + fmt(y) + " " + fmt(w) + " " + fmt(h) + " re");
		}

		Content line(float x1, float y1, float x2, float y2) {
			return op(fmt(x1) + " " + fmt(y1) + " m " + fmt(x2) + " " + fmt(y2) + " l S");
		}

		/** One line of text at (x, y) in STSong-Light, as UCS-2 big-endian codes; bold by also stroking the outlines. */
		void text(String s, float size, float x, float y, float tracking, boolean bold) {
			StringBuilder hex = new StringBuilder(s.length() * 4 + 2).append('<');
			for (int i = 0; i < s.length(); i++) {
				hex.append(String.format(Locale.ROOT, "%04X", (int) s.charAt(i)));
			}
			hex.append('>');
			op("BT");
			op("/" + FONT.getName() + " " + fmt(size) + " Tf");
			op(fmt(tracking) + " Tc");
			op(bold ? "2 Tr " + fmt(size / 40) + " w" : "0 Tr");
			op("1 0 0 1 " + fmt(x) + " " + fmt(y) + " Tm");
			op(hex + " Tj");
			op("ET");
		}

		byte[] bytes() {
			return ops.toString().getBytes(StandardCharsets.US_ASCII);
		}
	}
}
