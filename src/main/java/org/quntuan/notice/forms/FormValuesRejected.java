package org.quntuan.notice.forms;

import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

/**
 * Values of a form response that cannot be accepted, each with its field and its text (400). The
 * message is the first problem, and how many more there are.
 */
class FormValuesRejected extends InvalidValueException {

	FormValuesRejected(List<Problem> problems) {
		super(problems.size() == 1 ? problems.get(0).text()
				: Text.of("notice.form.error.values-more", problems.get(0).text(), problems.size() - 1), problems);
	}
}
