package org.quntuan.learning.quizzes;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.learning.materials.TopicTagRenamed;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Questions keep their tags as names: when the federation renames a topic tag, the questions carrying
 * the old name and the competitions drawn from it take the new one, in the renaming's transaction.
 */
@Component
class QuestionTagRenaming {

	private final JdbcClient jdbc;

	QuestionTagRenaming(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(TopicTagRenamed renamed) {
		record Tagged(long id, String tags) {
		}
		List<Tagged> tagged = new ArrayList<>();
		jdbc.sql("select id, tags from quiz_question where tags like :pattern").param("pattern", "%" + renamed.oldName() + "%")
			.query(rs -> {
				tagged.add(new Tagged(rs.getLong(1), rs.getString(2)));
			});
		for (Tagged q : tagged) {
			if (!QuizRepository.hasTag(q.tags(), renamed.oldName())) {
				continue;
			}
			List<String> names = new ArrayList<>();
			for (String t : q.tags().split(",")) {
				String name = t.strip().equals(renamed.oldName()) ? renamed.newName() : t.strip();
				if (!names.contains(name)) {
					names.add(name);
				}
			}
			jdbc.sql("update quiz_question set tags = :tags where id = :id").param("tags", String.join(",", names))
				.param("id", q.id()).update();
		}
		jdbc.sql("update quiz set draw_tag = :new where draw_tag = :old").param("new", renamed.newName())
			.param("old", renamed.oldName()).update();
	}
}
