/**
 * Volunteers (志愿先锋): registration approved by the person's organ union, volunteer numbers and teams,
 * the append-only hours ledger verified by whoever organised the service, star levels and rankings.
 * Other modules read its figures through {@link org.quntuan.volunteer.VolunteerQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "志愿服务")
package org.quntuan.volunteer;
