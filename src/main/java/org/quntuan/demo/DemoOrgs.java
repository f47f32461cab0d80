package org.quntuan.demo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.quntuan.organization.OrgType;
import org.quntuan.platform.Pinyin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The demo org tree: the work committee, eight 片组 groups, their organs with realistic names of a
 * city's municipal bodies, and each organ's union, and mostly a league branch and a women's committee.
 */
final class DemoOrgs {

	static final String ROOT = "市直机关工委";

	static final List<String> GROUPS = List.of("第一片组", "第二片组", "第三片组", "第四片组", "第五片组", "第六片组", "第七片组",
			"第八片组");

	/**
	 * Dealt round-robin over the groups, so that the first organ of 第一片组 is always 市财政局 (organ
	 * A) and that of 第二片组 市教育局 (organ B), whatever the number of organs per group.
	 */
	static final List<String> ORGANS = List.of("市财政局", "市教育局", "市公安局", "市民政局", "市人力资源和社会保障局",
			"市自然资源和规划局", "市生态环境局", "市住房和城乡建设局", "市交通运输局", "市水利局", "市农业农村局", "市商务局", "市文化广电旅游局",
			"市卫生健康委员会", "市审计局", "市市场监督管理局", "市统计局", "市医疗保障局", "市应急管理局", "市发展和改革委员会", "市经济和信息化局",
			"市科学技术局", "市司法局", "市退役军人事务局", "市体育局", "市林业局", "市信访局", "市机关事务管理局", "市大数据发展管理局", "市档案馆",
			"市委办公室", "市政府办公室", "市委组织部", "市委宣传部", "市委统战部", "市委政法委员会", "市纪委监委机关", "市人大常委会机关", "市政协机关",
			"市总工会", "团市委", "市妇联", "市科协", "市文联", "市侨联", "市残联", "市红十字会", "市中级人民法院", "市人民检察院", "市气象局",
			"市税务局", "市供销合作社", "市城市管理局", "市行政审批服务局", "市投资促进局", "市地方金融监督管理局", "市人民防空办公室",
			"市粮食和物资储备局", "市国资委", "市委党校", "市委政研室", "市委网信办", "市委编办", "市委老干部局", "市直属机关幼儿园",
			"市公共资源交易中心", "市住房公积金管理中心", "市社会保险事业管理中心", "市疾病预防控制中心", "市图书馆", "市博物馆", "市广播电视台",
			"市日报社", "市公路与运输管理中心", "市港航管理中心", "市水文站", "市农业科学研究院", "市社会科学院", "市政务服务中心", "市民族宗教事务局",
			"市外事办公室", "市地震局", "市乡村振兴局", "市不动产登记中心", "市人才服务中心", "市青少年活动中心");

	/** The path while a row's own id, which the path ends with, is not yet known. */
	private static final String PENDING_PATH = "/pending/";

	private final JdbcClient jdbc;

	private final OffsetDateTime now;

	DemoOrgs(JdbcClient jdbc, OffsetDateTime now) {
		this.jdbc = jdbc;
		this.now = now;
	}

	record Node(long id, String path, int depth) {
	}

	record Organ(Node node, Node union, String name) {
	}

	/** Organs per group in sort order; organ A is {@code organs.get(0).get(0)}. */
	record Tree(Node root, List<Node> groups, List<List<Organ>> organs) {
	}

	Tree insert(int organsPerGroup, Random random) {
		Node root = insert(null, OrgType.COMMITTEE, ROOT, 0);
		List<Node> groups = new ArrayList<>();
		for (int g = 0; g < GROUPS.size(); g++) {
			groups.add(insert(root, OrgType.GROUP, GROUPS.get(g), g));
		}
		List<List<Organ>> organs = new ArrayList<>();
		for (int g = 0; g < GROUPS.size(); g++) {
			List<Organ> inGroup = new ArrayList<>();
			for (int i = 0; i < organsPerGroup; i++) {
				// Organs A and B carry every kind of mass organization for the named accounts; the
				// draws are made anyway so that forcing them does not shift the rest of the data
				boolean required = i == 0 && g < 2;
				boolean league = random.nextInt(100) < 80 || required;
				boolean women = random.nextInt(100) < 80 || required;
				String name = organName(i * GROUPS.size() + g);
				Node organ = insert(groups.get(g), OrgType.ORGAN, name, i);
				int sort = 0;
				Node union = insert(organ, OrgType.UNION, name + "工会", sort++);
				if (league) {
					insert(organ, OrgType.LEAGUE, name + "团支部", sort++);
				}
				if (women) {
					insert(organ, OrgType.WOMEN, name + "妇委会", sort);
				}
				inGroup.add(new Organ(organ, union, name));
			}
			organs.add(inGroup);
		}
		return new Tree(root, groups, organs);
	}

	/** Past the end of the list a numeral is appended ("市财政局2"), so that names still read apart. */
	static String organName(int k) {
		String name = ORGANS.get(k % ORGANS.size());
		return k < ORGANS.size() ? name : name + (k / ORGANS.size() + 1);
	}

	/** One row at a time: the path is built from the new id, which only the insert reveals. */
	private Node insert(Node parent, OrgType type, String name, int sortOrder) {
		int depth = parent == null ? 0 : parent.depth() + 1;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into org (parent_id, type, name, name_pinyin, path, depth, sort_order, active, created_at,
				  version)
				values (:parent, :type, :name, :pinyin, :path, :depth, :sort, true, :now, 0)""")
			.param("parent", parent == null ? null : parent.id()).param("type", type.name()).param("name", name)
			.param("pinyin", Pinyin.full(name, false)).param("path", PENDING_PATH).param("depth", depth)
			.param("sort", sortOrder).param("now", now).update(keys, "id");
		long id = keys.getKey().longValue();
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		jdbc.sql("update org set path = :path where id = :id").param("path", path).param("id", id).update();
		return new Node(id, path, depth);
	}
}
