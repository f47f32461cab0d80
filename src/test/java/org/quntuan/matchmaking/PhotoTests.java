package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Photos: JPEG or PNG up to 5 MB, three at most; whole to the owner, the reviewers (logged) and a match, a
 * thumbnail to the members who may see the profile, nothing to anyone else; a new photo sends an approved
 * profile back to review; erased with the profile.
 */
class PhotoTests extends MatchmakingTestSupport {

	@Autowired
	ProfileErasure erasure;

	static byte[] png(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.PINK);
		g.fillRect(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private MvcResult upload(Single s, String name, byte[] bytes) throws Exception {
		return mvc.perform(multipart(API + "/profile/photos").file(new MockMultipartFile("file", name, "image/png", bytes))
			.header("Authorization", bearer(s.username()))).andReturn();
	}

	private long photoOf(long profile) {
		return jdbc.sql("select max(id) from matchmaking_photo where profile_id = :p").param("p", profile)
			.query(Long.class).single();
	}

	private int storedFiles(long profile) {
		return jdbc.sql("""
				select count(*) from stored_file where owner_type in ('MATCHMAKING_PHOTO', 'MATCHMAKING_PHOTO_THUMB')
				  and owner_id = :p""").param("p", profile).query(Integer.class).single();
	}

	@Test
	void photosAreWholeForTheOwnerReviewersAndAMatchAndThumbnailsForOtherMembers() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 30);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 29);
		long his = apply(he, town, "\"摄影\"", null);
		long hers = approvedSingle(she, town, "\"摄影\"", null);
		MvcResult first = upload(he, "me.png", png(800, 600));
		assertThat(status(first)).as(text(first)).isEqualTo(201);
		long photo = photoOf(his);
		assertThat(storedFiles(his)).isEqualTo(2);
		MvcResult own = getAs(he.username(), "/photos/" + photo + "?full=true");
		assertThat(own.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(getAs(he.username(), "/photos/" + photo).getResponse().getContentType()).isEqualTo("image/jpeg");
		// nobody sees it while the profile is in review, but its reviewers, whose view is logged
		assertThat(status(getAs(she.username(), "/photos/" + photo))).isEqualTo(404);
		assertThat(status(getAs("orgadmin2", "/photos/" + photo))).isEqualTo(404);
		assertThat(status(getAs("orgadmin1", "/photos/" + photo + "?full=true"))).isEqualTo(200);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_id = :id and actor = 'orgadmin1'
				  and detail like '%照片%'""").param("id", String.valueOf(his)).query(Integer.class).single()).isEqualTo(1);
		approve("orgadmin1", his);

		// she sees the thumbnail on his card, not the whole photo
		MvcResult found = getAs(she.username(), "/profiles?hometown=" + town);
		assertThat(body(found).get("content").get(0).get("photos").get(0).asLong()).isEqualTo(photo);
		MvcResult thumb = getAs(she.username(), "/photos/" + photo);
		assertThat(status(thumb)).isEqualTo(200);
		assertThat(thumb.getResponse().getContentType()).isEqualTo("image/jpeg");
		BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumb.getResponse().getContentAsByteArray()));
		assertThat(Math.max(small.getWidth(), small.getHeight())).isEqualTo(Thumbnails.EDGE);
		MvcResult whole = getAs(she.username(), "/photos/" + photo + "?full=true");
		assertThat(status(whole)).isEqualTo(403);
		assertThat(body(whole).get("detail").asString()).isEqualTo("互相心动后才能查看原图");
		assertThat(status(getAs("member1", "/photos/" + photo))).isEqualTo(404);

		// after the match, whole
		assertThat(status(postAs(she.username(), "/interests", "{\"to\":" + his + "}"))).isEqualTo(201);
		assertThat(status(postAs(he.username(), "/interests", "{\"to\":" + hers + "}"))).isEqualTo(201);
		assertThat(getAs(she.username(), "/photos/" + photo + "?full=true").getResponse().getContentType())
			.isEqualTo("image/png");

		// a new photo: back to review
		assertThat(status(upload(he, "two.png", png(300, 400)))).isEqualTo(201);
		assertThat(body(getAs(he.username(), "/profile")).get("status").get("code").asString()).isEqualTo("PENDING");
		assertThat(body(getAs(he.username(), "/profile")).get("photos")).hasSize(2);

		// deleted with the profile: the files go with the job
		assertThat(status(deleteAs(he.username(), "/profile"))).isEqualTo(204);
		assertThat(status(getAs(she.username(), "/photos/" + photo))).isEqualTo(404);
		erasure.eraseDeleted();
		assertThat(storedFiles(his)).isZero();
		assertThat(MatchmakingFixtures.count(jdbc, "matchmaking_photo where profile_id = " + his)).isZero();
	}

	@Test
	void aForbiddenTypeAnOversizedFileOrAFourthPhotoIsRefusedAndNothingIsStored() throws Exception {
		Single s = MatchmakingFixtures.single(jdbc, "市财政局", "FEMALE", 26);
		assertThat(status(upload(s, "a.png", png(10, 10)))).isEqualTo(404);
		long profile = apply(s, town(), "\"烘焙\"", null);
		MvcResult text = upload(s, "note.png", "not a picture at all".getBytes());
		assertThat(status(text)).isEqualTo(400);
		MvcResult pdf = upload(s, "cv.pdf", "%PDF-1.4\n%%EOF\n".getBytes());
		assertThat(status(pdf)).isEqualTo(400);
		assertThat(body(pdf).get("detail").asString()).contains(".png");
		byte[] big = Arrays.copyOf(png(10, 10), (int) ProfilePhotos.MAX_BYTES + 1);
		MvcResult large = upload(s, "big.png", big);
		assertThat(status(large)).isEqualTo(400);
		assertThat(body(large).get("detail").asString()).isEqualTo("照片不能超过 5 MB");
		assertThat(storedFiles(profile)).isZero();
		for (int i = 0; i < 3; i++) {
			assertThat(status(upload(s, "p" + i + ".png", png(50, 50)))).isEqualTo(201);
		}
		MvcResult fourth = upload(s, "p4.png", png(50, 50));
		assertThat(status(fourth)).isEqualTo(422);
		assertThat(body(fourth).get("detail").asString()).isEqualTo("每份资料最多 3 张照片");
		assertThat(storedFiles(profile)).isEqualTo(6);
		long photo = photoOf(profile);
		assertThat(status(deleteAs(s.username(), "/profile/photos/" + photo))).isEqualTo(204);
		assertThat(storedFiles(profile)).isEqualTo(4);
		assertThat(status(deleteAs("member1", "/profile/photos/" + photoOf(profile)))).isEqualTo(404);
	}
}
