package org.quntuan.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Whether federation and org admins must enrol a TOTP second factor before they can work. */
@ConfigurationProperties("quntuan.security")
record TotpSettings(@DefaultValue("false") boolean totpRequiredForAdmins) {
}
