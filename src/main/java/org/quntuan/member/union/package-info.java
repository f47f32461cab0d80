/**
 * Union membership (会员): applying to join and the union's review, the member's number, leaving or
 * retaining the membership with its history, moving the membership when a person changes organ, and the
 * electronic member card with its public verification.
 */
package org.quntuan.member.union;
