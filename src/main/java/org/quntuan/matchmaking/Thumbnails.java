package org.quntuan.matchmaking;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.quntuan.platform.InvalidValueException;

/**
 * A small JPEG of a photo, what other members see before a match. The size is read from the header
 * before anything is decoded, so a picture of enormous dimensions (a decompression bomb) is refused.
 */
final class Thumbnails {

	static final int EDGE = 240;

	static final int MAX_PIXELS = 40_000_000;

	private Thumbnails() {
	}

	static byte[] of(InputStream photo) {
		try (ImageInputStream in = ImageIO.createImageInputStream(photo)) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw new InvalidValueException("file", "matchmaking.photo.error.unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw new InvalidValueException("file", "matchmaking.photo.error.dimensions");
				}
				BufferedImage image = reader.read(0);
				double scale = Math.min(1.0, (double) EDGE / Math.max(image.getWidth(), image.getHeight()));
				int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
				int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
				BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
				Graphics2D g = thumb.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, w, h);
				g.drawImage(image, 0, 0, w, h, null);
				g.dispose();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ImageIO.write(thumb, "jpg", out);
				return out.toByteArray();
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidValueException invalid) {
				throw invalid;
			}
			throw new InvalidValueException("file", "matchmaking.photo.error.unreadable");
		}
	}
}
