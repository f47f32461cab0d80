package org.quntuan.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says when every data runner has finished; the server answers requests before that, so the
 * benchmark waits for this line rather than for the first answer.
 */
@Component
@Profile("demo")
class ReadyLog {

	private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info("平台已就绪：演示数据准备完毕");
	}
}
