package org.quntuan.notice.forms;

import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.web.ApiExceptionHandler.FieldProblem;

/** Values of a form response that cannot be accepted, each with its field and a Chinese message (400). */
class FormValuesRejected extends InvalidValueException {

	FormValuesRejected(List<FieldProblem> problems) {
		super(Text.verbatim(problems.size() == 1 ? problems.get(0).message()
				: problems.get(0).message() + "（另有 " + (problems.size() - 1) + " 处错误）"),
				problems.stream().map(p -> new Problem(p.field(), p.message())).toList());
	}
}
