package org.quntuan;

import java.util.TimeZone;

import org.quntuan.platform.Zones;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QuntuanApplication {

	public static void main(String[] args) {
		// The platform serves one city: every time on a page is Beijing time, whatever zone the server
		// runs in. PostgreSQL's driver returns timestamps in UTC, and Thymeleaf's #temporals formats in
		// the JVM's default zone, so setting it here converts every page at once. Code that needs the
		// business day uses platform.Zones.BUSINESS and the Clock bean explicitly, not this default.
		TimeZone.setDefault(TimeZone.getTimeZone(Zones.BUSINESS));
		SpringApplication.run(QuntuanApplication.class, args);
	}
}
