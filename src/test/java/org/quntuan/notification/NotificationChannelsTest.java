package org.quntuan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The delivery channels on their own: e-mail against an in-process GreenMail server, SMS into the log. */
class NotificationChannelsTest {

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final Recipient ZHANG_SAN = new Recipient(7, "张三", "zhangsan@czj.example.gov.cn", "13812341234");

	static final OutgoingMessage MESSAGE = new OutgoingMessage(1, ZHANG_SAN, "【通知】关于开展职工疗休养报名的通知",
			"请于 12 月 5 日前向所在单位工会报名。", "/inbox");

	ObjectProvider<JavaMailSender> mailServer() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		return new StaticListableBeanFactory(Map.of("mailSender", sender)).getBeanProvider(JavaMailSender.class);
	}

	static NotificationSettings settings(boolean enabled) {
		return new NotificationSettings(new NotificationSettings.Email(enabled, "noreply@qt.example.gov.cn"),
				"https://qt.example.gov.cn/");
	}

	@Test
	void anEmailGoesToTheRecipientInChineseWithAnAbsoluteLink() throws Exception {
		EmailChannel email = new EmailChannel(mailServer(), settings(true));

		assertThat(email.deliver(MESSAGE)).isEqualTo(DeliveryStatus.SENT);

		MimeMessage[] received = greenMail.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("【通知】关于开展职工疗休养报名的通知");
		assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress())
			.isEqualTo("zhangsan@czj.example.gov.cn");
		assertThat(((InternetAddress) received[0].getFrom()[0]).getAddress()).isEqualTo("noreply@qt.example.gov.cn");
		String body = (String) received[0].getContent();
		assertThat(body).contains("请于 12 月 5 日前向所在单位工会报名。").contains("https://qt.example.gov.cn/inbox");
		assertThat(GreenMailUtil.getHeaders(received[0])).containsIgnoringCase("charset=UTF-8");
	}

	@Test
	void noEmailIsSentWhenSwitchedOffWithoutAServerOrWithoutAnAddress() {
		assertThat(new EmailChannel(mailServer(), settings(false)).deliver(MESSAGE)).isEqualTo(DeliveryStatus.SKIPPED);
		ObjectProvider<JavaMailSender> none = new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
		assertThat(new EmailChannel(none, settings(true)).deliver(MESSAGE)).isEqualTo(DeliveryStatus.SKIPPED);
		OutgoingMessage noAddress = new OutgoingMessage(1, new Recipient(8, "李四", null, null), "标题", "正文", null);
		assertThat(new EmailChannel(mailServer(), settings(true)).deliver(noAddress)).isEqualTo(DeliveryStatus.SKIPPED);
		assertThat(greenMail.getReceivedMessages()).isEmpty();
	}

	@Test
	void theDevelopmentSmsChannelLogsTheMessageWithTheNumberMasked() {
		Logger logger = (Logger) LoggerFactory.getLogger(LoggingSmsChannel.class);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		logger.addAppender(log);
		try {
			assertThat(new LoggingSmsChannel(false).deliver(MESSAGE)).isEqualTo(DeliveryStatus.LOGGED);
		}
		finally {
			logger.detachAppender(log);
		}
		assertThat(log.list).hasSize(1);
		String line = log.list.get(0).getFormattedMessage();
		assertThat(line).isEqualTo("短信（开发环境仅记录日志）→ 138****1234：【通知】关于开展职工疗休养报名的通知");
		assertThat(line).doesNotContain("13812341234");
	}

	@Test
	void noSmsWithoutAMobile() {
		OutgoingMessage noMobile = new OutgoingMessage(1, new Recipient(8, "系统管理员", null, null), "标题", "正文", null);
		assertThat(new LoggingSmsChannel(false).deliver(noMobile)).isEqualTo(DeliveryStatus.SKIPPED);
	}
}
