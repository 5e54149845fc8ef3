package book

import "strings"

// The sample book: three tracks, abstracts in Kazakh, Chinese, Russian and
// English; Әйгерім Нұрланова and 张伟 appear in two tracks each.

const kazakhLetters = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І"

var zhSentences = []string{
	"中哈两国在科技创新领域的合作不断深化，双方专家围绕人工智能、绿色能源和现代农业开展了广泛交流。",
	"研讨会为两国学者提供了对话与交流的平台，有助于寻找应对气候变化和粮食安全等复杂问题的创新方案。",
	"我们在阿斯塔纳附近建立了三个观测站，连续记录了风速、日照和土壤湿度，并与新疆的观测数据进行比较。",
	"结果表明，草原地区的风能资源十分丰富，但电网接入能力不足，储能设施的建设成为关键环节。",
	"本研究提出了一种基于机器学习的短期功率预测方法，在冬季极端低温条件下仍然保持较高的精度。",
	"我们还讨论了人才培养、联合实验室和技术转移机制，以及企业在科研成果产业化过程中的作用。",
	"“一带一路”倡议为区域科技合作创造了新的机遇，开放、公平、公正、非歧视的合作理念得到广泛认同。",
	"未来，双方将共同推动数据共享标准的制定，加强高校之间的学生交换，并举办更多专题研讨会。",
}

// chineseText returns about n Chinese characters in paragraphs of eight
// sentences.
func chineseText(n int) string {
	var b strings.Builder
	count := 0
	for i := 0; count < n; i++ {
		s := zhSentences[i%len(zhSentences)]
		if i > 0 && i%8 == 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
		count += len([]rune(s))
	}
	return b.String()
}

const ruParagraph = "Развитие современной науки и техники играет огромную роль в жизни людей. " +
	"Новые технологии и научные открытия помогают нам развиваться и совершенствоваться во всех сферах жизни, " +
	"повышают качество жизни и дают возможность решать такие сложные задачи, как изменение климата, " +
	"профилактика заболеваний и борьба с бедностью. В докладе рассматриваются результаты трёхлетних " +
	"измерений на ветровых станциях Акмолинской области и предлагается методика оценки потерь в сетях. "

// russianText returns n paragraphs of Russian.
func russianText(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = strings.Repeat(ruParagraph, 3)
	}
	return strings.Join(ps, "\n\n")
}

var (
	aigerim   = Author{Name: "Әйгерім Нұрланова", Affiliation: "Қазақстан–Қытай зерттеу орталығы", Presenter: true}
	zhangWei  = Author{Name: "张伟", Affiliation: "中国科学院新疆生态与地理研究所"}
	ivanov    = Author{Name: "Сергей Иванов", Affiliation: "Евразийский национальный университет"}
	smith     = Author{Name: "Emily Smith", Affiliation: "Qazaq Institute of Technology"}
	longTitle = "Ветровая энергетика степных регионов: измерения, прогнозирование мощности и интеграция в энергосистему Казахстана"
)

// sampleBook is the book the tests render; body scales the long texts.
func sampleBook(body int) Book {
	return Book{
		Title:    "Қазақстан–Қытай ғылым және технологиялар симпозиумы",
		Subtitle: "22 мамыр 2024 · Астана",
		Labels:   Labels{Contents: "Мазмұны", Authors: "Авторлар", Index: "Авторлар көрсеткіші", Page: "Бет"},
		Tracks: []Track{
			{Name: "Энергетика және климат", Abstracts: []Abstract{
				{Title: longTitle, Language: "ru", Authors: []Author{ivanov, aigerim, {Name: "Гүлнар Шаймергенова", Affiliation: aigerim.Affiliation}},
					Text: russianText(2 * body), When: "22.05.2024 10:00 · Зал A", Kind: "Баяндама"},
				{Title: "Solar heat for district heating in Astana", Language: "en", Authors: []Author{smith, {Name: "Xing Fangfang", Affiliation: "Embassy of China"}},
					Text: "District heating dominates winter demand.\n\nWe model seasonal storage for " + strings.Repeat("solar collectors ", 20) + "and report costs."},
			}},
			{Name: "Цифрлық технологиялар 数字技术", Abstracts: []Abstract{
				{Title: "人工智能在草原风电功率预测中的应用", Language: "zh", Authors: []Author{zhangWei, {Name: "李娜", Affiliation: zhangWei.Affiliation, Presenter: true}, smith},
					Text: chineseText(1000 * body), Kind: "Poster"},
				{Title: "Қазақ тіліндегі мәтіндерді машиналық өңдеу", Language: "kk", Authors: []Author{{Name: "Ғалым Құдайбергенов", Affiliation: "Әл-Фараби атындағы ҚазҰУ", Presenter: true}},
					Text: "Әліпбидегі ерекше әріптер: " + kazakhLetters + ".\nҮлкен тілдік модельдер қазақ тіліндегі мәтіндерді өңдеуде жақсы нәтиже көрсетеді."},
			}},
			{Name: "Agriculture and water", Abstracts: []Abstract{
				{Title: "Drip irrigation trials in the Turkestan region", Language: "en", Authors: []Author{aigerim, zhangWei},
					Text: "Water use fell by a third with no loss of yield. Supercalifragilisticexpialidociousmeasurementsequence" + strings.Repeat("x", 120) + " was logged."},
			}},
		},
	}
}
