package org.quntuan.finance.expenses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;

/** Multipart files as uploads; an empty file input (nothing chosen) is no upload. */
public final class Uploads {

	private Uploads() {
	}

	public static ExpenseViews.Upload of(MultipartFile file) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			return null;
		}
		try {
			return new ExpenseViews.Upload(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<ExpenseViews.Upload> of(List<MultipartFile> files) {
		List<ExpenseViews.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile f : files) {
				ExpenseViews.Upload upload = of(f);
				if (upload != null) {
					uploads.add(upload);
				}
			}
		}
		return uploads;
	}
}
