package org.quntuan.demo;

import java.util.List;

/**
 * The demo question bank: 30 questions on the 《中华人民共和国工会法》 (as amended in 2021) and the
 * 《中华人民共和国劳动法》, each stating the law's own words; the explanation names the 劳动法's article (its
 * numbering is unchanged since 1994) and quotes the 工会法.
 */
final class DemoQuestions {

	private DemoQuestions() {
	}

	/** {@code answer}: the right letters in order; true/false questions have 对 (A) and 错 (B). */
	record Question(String type, String text, List<String> options, String answer, String explanation, String tags) {
	}

	private static final List<String> TF = List.of("对", "错");

	private static final String UNION = "法律法规,工会知识";

	private static final String LABOUR = "法律法规";

	private static Question single(String text, List<String> options, String answer, String explanation, String tags) {
		return new Question("SINGLE", text, options, answer, explanation, tags);
	}

	private static Question multiple(String text, List<String> options, String answer, String explanation, String tags) {
		return new Question("MULTIPLE", text, options, answer, explanation, tags);
	}

	private static Question judge(String text, boolean right, String explanation, String tags) {
		return new Question("TRUE_FALSE", text, TF, right ? "A" : "B", explanation, tags);
	}

	static final List<Question> ALL = List.of(
			// 工会法：单选
			single("根据《工会法》，工会是中国共产党领导的职工自愿结合的（　）。",
					List.of("工人阶级群众组织", "社会服务机构", "行业协会", "事业单位"), "A",
					"《工会法》第二条：工会是中国共产党领导的职工自愿结合的工人阶级群众组织，是中国共产党联系职工群众的桥梁和纽带。", UNION),
			single("根据《工会法》，工会的基本职责是（　）。",
					List.of("组织文体活动", "维护职工合法权益、竭诚服务职工群众", "协助单位完成生产任务", "管理职工福利"), "B",
					"《工会法》第六条：维护职工合法权益、竭诚服务职工群众是工会的基本职责。", UNION),
			single("用人单位有会员（　）以上的，应当建立基层工会委员会。",
					List.of("十人", "二十人", "二十五人", "五十人"), "C",
					"《工会法》规定：用人单位有会员二十五人以上的，应当建立基层工会委员会。", UNION),
			single("基层工会委员会每届任期为（　）。",
					List.of("二年或者三年", "三年或者五年", "五年", "四年"), "B",
					"《工会法》规定：基层工会委员会每届任期三年或者五年。", UNION),
			single("建立工会的企业、事业单位、社会组织，应当按每月全部职工工资总额的（　）向工会拨缴经费。",
					List.of("百分之零点五", "百分之一", "百分之二", "百分之五"), "C",
					"《工会法》规定：按每月全部职工工资总额的百分之二向工会拨缴经费。", UNION),
			single("职工（　）以上的企业、事业单位、社会组织的工会，可以设专职工会主席。",
					List.of("一百人", "二百人", "三百人", "五百人"), "B",
					"《工会法》规定：职工二百人以上的企业、事业单位、社会组织的工会，可以设专职工会主席。", UNION),
			single("罢免工会主席、副主席，非经会员大会全体会员或者会员代表大会全体代表（　）通过，不得罢免。",
					List.of("三分之一以上", "过半数", "三分之二以上", "四分之三以上"), "B",
					"《工会法》规定：罢免工会主席、副主席必须召开会员大会或者会员代表大会讨论，非经全体会员或者全体代表过半数通过，不得罢免。",
					UNION),
			single("经基层工会委员会或者（　）的工会会员提议，可以临时召开会员大会或者会员代表大会。",
					List.of("五分之一以上", "四分之一以上", "三分之一以上", "半数以上"), "C",
					"《工会法》规定：经基层工会委员会或者三分之一以上的工会会员提议，可以临时召开会员大会或者会员代表大会。", UNION),
			// 劳动法：单选
			single("《劳动法》规定，国家实行劳动者每日工作时间不超过八小时、平均每周工作时间不超过（　）的工时制度。",
					List.of("四十小时", "四十四小时", "四十八小时", "五十小时"), "B",
					"《劳动法》第三十六条。", LABOUR),
			single("用人单位由于生产经营需要延长工作时间，因特殊原因需要延长的，每日不得超过三小时，但是每月不得超过（　）。",
					List.of("二十四小时", "三十小时", "三十六小时", "四十八小时"), "C",
					"《劳动法》第四十一条。", LABOUR),
			single("法定休假日安排劳动者工作的，应当支付不低于工资的（　）的工资报酬。",
					List.of("百分之一百五十", "百分之二百", "百分之二百五十", "百分之三百"), "D",
					"《劳动法》第四十四条：延长工作时间的支付不低于百分之一百五十，休息日工作又不能安排补休的不低于百分之二百，法定休假日工作的不低于百分之三百。",
					LABOUR),
			single("《劳动法》规定，劳动合同可以约定试用期，试用期最长不得超过（　）。",
					List.of("一个月", "三个月", "六个月", "十二个月"), "C",
					"《劳动法》第二十一条。", LABOUR),
			single("劳动者解除劳动合同，应当提前（　）以书面形式通知用人单位。",
					List.of("七日", "十五日", "三十日", "六十日"), "C",
					"《劳动法》第三十一条。", LABOUR),
			single("《劳动法》规定，禁止用人单位招用未满（　）周岁的未成年人。",
					List.of("十四", "十五", "十六", "十八"), "C",
					"《劳动法》第十五条。", LABOUR),
			// 多选
			multiple("根据《劳动法》，劳动合同的期限分为（　）。",
					List.of("有固定期限", "无固定期限", "以完成一定的工作为期限", "以用人单位的经营期限为期限"), "ABC",
					"《劳动法》第二十条。", LABOUR),
			multiple("《劳动法》规定，用人单位在下列哪些节日期间应当依法安排劳动者休假？（　）",
					List.of("元旦", "春节", "国际劳动节", "国庆节"), "ABCD",
					"《劳动法》第四十条：元旦、春节、国际劳动节、国庆节以及法律、法规规定的其他休假节日。", LABOUR),
			multiple("解决劳动争议，当事人可以（　）。",
					List.of("依法申请调解", "依法申请仲裁", "依法提起诉讼", "协商解决"), "ABCD",
					"《劳动法》第七十七条：可以依法申请调解、仲裁、提起诉讼，也可以协商解决。", LABOUR),
			multiple("新建、改建、扩建工程的劳动安全卫生设施必须与主体工程（　）。",
					List.of("同时设计", "同时施工", "同时投入生产和使用", "同时报废"), "ABC",
					"《劳动法》第五十三条。", LABOUR),
			multiple("根据《工会法》，工会依照法律规定通过职工代表大会或者其他形式，组织职工参与本单位的（　）。",
					List.of("民主选举", "民主协商", "民主决策", "民主管理和民主监督"), "ABCD",
					"《工会法》第六条。", UNION),
			multiple("下列哪些属于《劳动法》规定的劳动者享有的权利？（　）",
					List.of("平等就业和选择职业的权利", "取得劳动报酬的权利", "休息休假的权利", "自行决定单位工资总额的权利"), "ABC",
					"《劳动法》第三条：劳动者享有平等就业和选择职业的权利、取得劳动报酬的权利、休息休假的权利等。", LABOUR),
			// 判断
			judge("全国建立统一的中华全国总工会。", true, "《工会法》的规定。", UNION),
			judge("工会主席、副主席任期未满时，单位可以根据工作需要随时调动其工作，无须征得工会同意。", false,
					"《工会法》规定：因工作需要调动时，应当征得本级工会委员会和上一级工会的同意。", UNION),
			judge("基层工会专职主席、副主席或者委员自任职之日起，其劳动合同期限自动延长，延长期限相当于其任职期间。", true,
					"《工会法》的规定。", UNION),
			judge("工会经费主要用于为职工服务和工会活动。", true, "《工会法》的规定。", UNION),
			judge("国有企业的工会委员会是职工代表大会的工作机构，负责职工代表大会的日常工作。", true, "《工会法》的规定。", UNION),
			judge("《劳动法》规定，用人单位应当保证劳动者每周至少休息一日。", true, "《劳动法》第三十八条。", LABOUR),
			judge("工资应当以货币形式按月支付给劳动者本人，用人单位可以用等值实物代替工资。", false,
					"《劳动法》第五十条：工资应当以货币形式按月支付给劳动者本人，不得克扣或者无故拖欠劳动者的工资。", LABOUR),
			judge("对怀孕七个月以上的女职工，不得安排其延长工作时间和夜班劳动。", true, "《劳动法》第六十一条。", LABOUR),
			judge("集体合同由工会代表职工与企业签订；没有建立工会的企业，由职工推举的代表与企业签订。", true,
					"《劳动法》第三十三条。", LABOUR),
			judge("国家实行带薪年休假制度，劳动者连续工作六个月以上的，享受带薪年休假。", false,
					"《劳动法》第四十五条：劳动者连续工作一年以上的，享受带薪年休假。", LABOUR));
}
