package org.quntuan.notice.notices;

import java.io.InputStream;

/** A file that comes with a form: its name as the uploader gave it, its bytes, its announced size. */
public record NoticeUpload(String name, InputStream content, long size) {
}
