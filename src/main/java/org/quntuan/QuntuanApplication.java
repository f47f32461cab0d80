package org.quntuan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class QuntuanApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuntuanApplication.class, args);
	}
}
