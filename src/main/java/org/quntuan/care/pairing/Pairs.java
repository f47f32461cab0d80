package org.quntuan.care.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partners and pairs: any admin adds a partner (社区, 村, 企业) outside the tree; the work committee pairs an
 * organ with a partner for a term of up to {@value #MAX_TERM} years, with contact people of the organ, and
 * renews a pair for the next term (新一轮结对) as a new pair, the old one kept as it was.
 */
@Service
@Transactional
public class Pairs {

	static final String PARTNER = "CARE_PAIR_PARTNER";

	static final String PAIR = "CARE_PAIR";

	static final int MAX_TERM = 5;

	private final PairRepository pairs;

	private final PairingAccess access;

	private final AuditLog audit;

	private final Clock clock;

	Pairs(PairRepository pairs, PairingAccess access, AuditLog audit, Clock clock) {
		this.pairs = pairs;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	public long addPartner(PairingRequests.Partner r) {
		CurrentUser user = access.admin();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String name = PairingInput.name("name", r.name(), 100, "pairing.partner.error.name", problems);
		PartnerKind kind = PairingInput.coded(PartnerKind.class, "kind", r.kind(), "pairing.partner.error.kind", problems);
		String district = PairingInput.name("district", r.district(), 50, "pairing.partner.error.district", problems);
		String contact = PairingInput.name("contactName", r.contactName(), 50, "pairing.partner.error.contact", problems);
		String phone = r.contactPhone() == null ? "" : r.contactPhone().strip();
		if (!phone.matches("[0-9][0-9-]{6,19}")) {
			problems.add(new InvalidValueException.Problem("contactPhone", "pairing.partner.error.phone"));
		}
		PairingInput.report(problems);
		long id;
		try {
			id = pairs.insertPartner(new PairRepository.PartnerRow(0, name, kind, district, contact, phone),
					user.displayName(), now());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("pairing.partner.error.exists", name);
		}
		audit.record(AuditType.CREATE, PARTNER, id, AuditLog.SUCCESS,
				Texts.chinese("pairing.audit.partner-added", name, kind, district));
		return id;
	}

	public long create(PairingRequests.Pair r) {
		CurrentUser user = access.federationAdmin();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String[] organ = r.organId() == null ? null : pairs.organ(r.organId()).orElse(null);
		if (organ == null) {
			problems.add(new InvalidValueException.Problem("organId", "pairing.pair.error.organ"));
		}
		PairRepository.PartnerRow partner = r.partnerId() == null ? null : pairs.partner(r.partnerId()).orElse(null);
		if (partner == null) {
			problems.add(new InvalidValueException.Problem("partnerId", "pairing.pair.error.partner"));
		}
		term(r.startYear(), r.endYear(), problems);
		Set<Long> contacts = r.contactPersonIds() == null ? Set.of()
				: r.contactPersonIds().stream().filter(id -> id != null).collect(Collectors.toCollection(LinkedHashSet::new));
		if (contacts.isEmpty() || contacts.size() > 10) {
			problems.add(new InvalidValueException.Problem("contactPersonIds", "pairing.pair.error.contacts"));
		}
		else if (organ != null && pairs.organPeople(r.organId(), contacts).size() != contacts.size()) {
			problems.add(new InvalidValueException.Problem("contactPersonIds", "pairing.pair.error.contact-organ"));
		}
		PairingInput.report(problems);
		long id = insert(r.organId(), partner, r.startYear(), r.endYear(), null, contacts, user);
		audit.record(AuditType.CREATE, PAIR, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.paired", organ[0],
				partner.name(), r.startYear(), r.endYear()), organ[1]);
		return id;
	}

	/** The pair of the next term (新一轮结对), with the same contact people; the old pair stays as it was. */
	public long renew(long pairId, PairingRequests.Renewal r) {
		PairRepository.PairRow old = access.pair(pairId);
		CurrentUser user = access.federationAdmin();
		int length = old.endYear() - old.startYear();
		int start = r == null || r.startYear() == null ? old.endYear() + 1 : r.startYear();
		int end = r == null || r.endYear() == null ? start + length : r.endYear();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		term(start, end, problems);
		PairingInput.report(problems);
		if (start <= old.endYear()) {
			throw new BusinessRuleException("pairing.pair.error.renewal-before-end", old.endYear());
		}
		PairRepository.PartnerRow partner = pairs.partner(old.partnerId()).orElseThrow(NotFoundException::new);
		Set<Long> contacts = new LinkedHashSet<>();
		pairs.contacts(pairId).forEach(c -> contacts.add(c.personId()));
		contacts.retainAll(pairs.organPeople(old.organId(), contacts).stream().map(PairRepository.OrganPerson::id).toList());
		long id = insert(old.organId(), partner, start, end, pairId, contacts, user);
		audit.record(AuditType.CREATE, PAIR, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.renewed",
				old.organName(), partner.name(), start, end, old.startYear(), old.endYear()), old.organPath());
		return id;
	}

	private long insert(long organId, PairRepository.PartnerRow partner, int start, int end, Long previous,
			Set<Long> contacts, CurrentUser user) {
		if (pairs.overlaps(organId, partner.id(), start, end)) {
			throw new BusinessRuleException("pairing.pair.error.overlap", partner.name(), start, end);
		}
		long id;
		try {
			id = pairs.insertPair(organId, partner.id(), start, end, previous, user.displayName(), now());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("pairing.pair.error.exists");
		}
		long pairId = id;
		contacts.forEach(person -> pairs.addContact(pairId, person));
		return pairId;
	}

	private void term(Integer start, Integer end, List<InvalidValueException.Problem> problems) {
		int thisYear = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		if (start == null || start < thisYear - 10 || start > thisYear + 10) {
			problems.add(new InvalidValueException.Problem("startYear", "pairing.pair.error.start-year"));
		}
		else if (end == null || end < start || end - start + 1 > MAX_TERM) {
			problems.add(new InvalidValueException.Problem("endYear", "pairing.pair.error.end-year"));
		}
	}
}
