/**
 * 智慧红娘 (matchmaking): a separate consent to its own rules, profiles reviewed by the applicant's organ's
 * union or women's committee, search and two-sided recommendations over approved profiles, interest that
 * opens contact details only when mutual, block, report, pause and erasure. No real name, organ or mobile
 * leaves this module before a match.
 */
@org.springframework.modulith.ApplicationModule(displayName = "智慧红娘")
package org.quntuan.matchmaking;
