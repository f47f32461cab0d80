package org.quntuan.notice;

import java.io.InputStream;

/** A file that comes with a form: its name as the uploader gave it, its bytes, its announced size. */
record NoticeUpload(String name, InputStream content, long size) {
}
