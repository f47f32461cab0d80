package org.quntuan.matchmaking;

import org.quntuan.platform.files.FileStorage;
import org.springframework.stereotype.Component;

/** Erases a profile with its photos (rows and files), reviews, interests, matches, blocks and reports. */
@Component
class ProfileEraser {

	private final ProfileRepository profiles;

	private final PhotoRepository photos;

	private final FileStorage files;

	ProfileEraser(ProfileRepository profiles, PhotoRepository photos, FileStorage files) {
		this.profiles = profiles;
		this.photos = photos;
		this.files = files;
	}

	void erase(long profileId) {
		for (PhotoRepository.PhotoRow p : photos.ofProfile(profileId)) {
			photos.delete(p.id());
			files.delete(p.fileId());
			files.delete(p.thumbFileId());
		}
		profiles.erase(profileId);
	}
}
