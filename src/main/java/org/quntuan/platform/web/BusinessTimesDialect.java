package org.quntuan.platform.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link BusinessTimes} available to every template as {@code #times}. */
@Component
class BusinessTimesDialect extends AbstractDialect implements IExpressionObjectDialect {

	BusinessTimesDialect() {
		super("quntuan-times");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {
			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("times");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return new BusinessTimes(context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}
		};
	}
}
