/**
 * Care for the members (职工关爱): visits (走访慰问), the hardship register and subsidies (困难会员补助),
 * the medical mutual-aid plan (医疗互助), recuperation (疗休养) and department–community pairing (结对共建). Each is a
 * sub-package; payouts post to the union's journal through {@code finance.Journal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "职工关爱")
package org.quntuan.care;
