package org.quntuan.matchmaking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Up to 3 photos per profile (JPEG or PNG, at most 5 MB). Each is served through these rules only, never
 * from a public address: whole to its owner, its reviewers (logged) and a match; as a thumbnail to the
 * members who may see the profile; to anyone else it does not exist. A new photo sends an approved
 * profile back to review.
 */
@Service
@Transactional
public class ProfilePhotos {

	static final String PHOTO = "MATCHMAKING_PHOTO";

	static final String THUMB = "MATCHMAKING_PHOTO_THUMB";

	static final int MAX_PHOTOS = 3;

	static final long MAX_BYTES = 5L * 1024 * 1024;

	private final PhotoRepository photos;

	private final ProfileRepository profiles;

	private final SearchRepository search;

	private final InterestRepository interests;

	private final Profiles own;

	private final MatchmakingAccess access;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	ProfilePhotos(PhotoRepository photos, ProfileRepository profiles, SearchRepository search,
			InterestRepository interests, Profiles own, MatchmakingAccess access, FileStorage files, AuditLog audit,
			Clock clock) {
		this.photos = photos;
		this.profiles = profiles;
		this.search = search;
		this.interests = interests;
		this.own = own;
		this.access = access;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	public long upload(MultipartFile file) {
		ProfileRow me = own.own();
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "matchmaking.photo.error.required");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new InvalidValueException("file", "matchmaking.photo.error.size");
		}
		profiles.lock(List.of(me.id()));
		if (photos.ofProfile(me.id()).size() >= MAX_PHOTOS) {
			throw new BusinessRuleException("matchmaking.photo.error.count", MAX_PHOTOS);
		}
		StoredFile stored;
		try (InputStream in = file.getInputStream()) {
			stored = files.store(PHOTO, me.id(), file.getOriginalFilename(), in, file.getSize(),
					EnumSet.of(FileKind.JPEG, FileKind.PNG));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] thumb;
		try (InputStream in = files.open(stored.id()).content().getInputStream()) {
			thumb = Thumbnails.of(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		StoredFile small = files.store(THUMB, me.id(), "thumb.jpg", new ByteArrayInputStream(thumb), thumb.length,
				EnumSet.of(FileKind.JPEG));
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		photos.insert(me.id(), stored.id(), small.id(), now);
		if (me.status() == ProfileStatus.APPROVED) {
			profiles.setState(me.id(), ProfileStatus.PENDING, null, me.paused(), me.withdrawn(), null,
					me.recommendations(), now);
		}
		audit.record(AuditType.UPDATE, Profiles.PROFILE, me.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.photo-added", me.id()));
		return stored.id();
	}

	public void remove(long photoId) {
		ProfileRow me = own.own();
		PhotoRepository.PhotoRow p = photos.find(photoId).filter(r -> r.profileId() == me.id())
			.orElseThrow(NotFoundException::new);
		photos.delete(p.id());
		files.delete(p.fileId());
		files.delete(p.thumbFileId());
		audit.record(AuditType.UPDATE, Profiles.PROFILE, me.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.photo-removed", me.id()));
	}

	/** The photo whole or as its thumbnail, as the rules in the class comment allow. */
	@Transactional(readOnly = true)
	public Download serve(long photoId, boolean full) {
		CurrentUser user = access.current();
		PhotoRepository.PhotoRow p = photos.find(photoId).orElseThrow(NotFoundException::new);
		ProfileRow profile = profiles.find(p.profileId()).filter(r -> r.deletedAt() == null)
			.orElseThrow(NotFoundException::new);
		if (user.isSelf(profile.personId())) {
			return files.open(full ? p.fileId() : p.thumbFileId());
		}
		if (MatchmakingAccess.reviews(user, profile)) {
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), Profiles.PROFILE,
					profile.id(), AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.photo-viewed", profile.id()),
					profile.organPath());
			return files.open(full ? p.fileId() : p.thumbFileId());
		}
		ProfileRow me = own.shownOwn();
		if (me != null && interests.matched(me.id(), profile.id())) {
			return files.open(full ? p.fileId() : p.thumbFileId());
		}
		if (me == null || search.visible(me, profile.id()).isEmpty()) {
			throw new NotFoundException();
		}
		if (full) {
			throw new ForbiddenException("matchmaking.photo.error.full-after-match");
		}
		return files.open(p.thumbFileId());
	}
}
