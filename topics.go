package symposium

import (
	"maps"
	"strings"
)

// Topic is one field of science from the OECD Fields of Research and
// Development (FORD) of the Frascati Manual 2015: either one of the six
// areas, such as "1" Natural sciences, or one of the 42 fields within them,
// such as "1.1" Mathematics. The code is the official FORD code and is a
// stable identifier.
type Topic struct {
	Code  string        `json:"code"`           // "1.1"
	Area  string        `json:"area,omitempty"` // the area code, "1"; "" for an area itself
	Label LocalizedText `json:"label"`
}

// IsArea reports whether t is one of the six areas rather than a field.
func (t Topic) IsArea() bool { return t.Area == "" }

// ford is the classification in code order, each area followed by its
// fields. The columns are the code and the English (as in the Frascati
// Manual), Chinese, Kazakh and Russian labels.
var ford = [...][5]string{
	{"1", "Natural sciences", "自然科学", "Жаратылыстану ғылымдары", "Естественные науки"},
	{"1.1", "Mathematics", "数学", "Математика", "Математика"},
	{"1.2", "Computer and information sciences", "计算机与信息科学", "Компьютерлік және ақпараттық ғылымдар", "Компьютерные и информационные науки"},
	{"1.3", "Physical sciences", "物理科学", "Физика ғылымдары", "Физические науки"},
	{"1.4", "Chemical sciences", "化学科学", "Химия ғылымдары", "Химические науки"},
	{"1.5", "Earth and related environmental sciences", "地球及相关环境科学", "Жер туралы ғылымдар және сабақтас экология ғылымдары", "Науки о Земле и смежные экологические науки"},
	{"1.6", "Biological sciences", "生物科学", "Биология ғылымдары", "Биологические науки"},
	{"1.7", "Other natural sciences", "其他自然科学", "Басқа жаратылыстану ғылымдары", "Другие естественные науки"},

	{"2", "Engineering and technology", "工程与技术", "Техникалық ғылымдар және технологиялар", "Техника и технологии"},
	{"2.1", "Civil engineering", "土木工程", "Құрылыс инженериясы", "Гражданское строительство"},
	{"2.2", "Electrical engineering, electronic engineering, information engineering", "电气工程、电子工程、信息工程", "Электротехника, электрондық техника, ақпараттық технологиялар", "Электротехника, электронная техника, информационные технологии"},
	{"2.3", "Mechanical engineering", "机械工程", "Механика және машина жасау", "Механика и машиностроение"},
	{"2.4", "Chemical engineering", "化学工程", "Химиялық технологиялар", "Химические технологии"},
	{"2.5", "Materials engineering", "材料工程", "Материалтану", "Материаловедение"},
	{"2.6", "Medical engineering", "生物医学工程", "Медициналық техника", "Медицинская техника"},
	{"2.7", "Environmental engineering", "环境工程", "Қоршаған ортаны қорғау инженериясы", "Инженерная экология"},
	{"2.8", "Environmental biotechnology", "环境生物技术", "Экологиялық биотехнология", "Экологическая биотехнология"},
	{"2.9", "Industrial biotechnology", "工业生物技术", "Өнеркәсіптік биотехнология", "Промышленная биотехнология"},
	{"2.10", "Nano-technology", "纳米技术", "Нанотехнологиялар", "Нанотехнологии"},
	{"2.11", "Other engineering and technologies", "其他工程与技术", "Басқа техникалық ғылымдар мен технологиялар", "Другие технические науки и технологии"},

	{"3", "Medical and health sciences", "医学与健康科学", "Медицина және денсаулық сақтау ғылымдары", "Медицина и здравоохранение"},
	{"3.1", "Basic medicine", "基础医学", "Іргелі медицина", "Фундаментальная медицина"},
	{"3.2", "Clinical medicine", "临床医学", "Клиникалық медицина", "Клиническая медицина"},
	{"3.3", "Health sciences", "健康科学", "Денсаулық сақтау ғылымдары", "Науки о здоровье"},
	{"3.4", "Medical biotechnology", "医学生物技术", "Медициналық биотехнология", "Медицинская биотехнология"},
	{"3.5", "Other medical sciences", "其他医学科学", "Басқа медицина ғылымдары", "Другие медицинские науки"},

	{"4", "Agricultural and veterinary sciences", "农业与兽医科学", "Ауыл шаруашылығы және ветеринария ғылымдары", "Сельскохозяйственные и ветеринарные науки"},
	{"4.1", "Agriculture, forestry, and fisheries", "农业、林业和渔业", "Ауыл, орман және балық шаруашылығы", "Сельское, лесное и рыбное хозяйство"},
	{"4.2", "Animal and dairy science", "畜牧与乳品科学", "Мал және сүт шаруашылығы", "Животноводство и молочное дело"},
	{"4.3", "Veterinary science", "兽医学", "Ветеринария", "Ветеринария"},
	{"4.4", "Agricultural biotechnology", "农业生物技术", "Ауыл шаруашылығы биотехнологиясы", "Сельскохозяйственная биотехнология"},
	{"4.5", "Other agricultural sciences", "其他农业科学", "Басқа ауыл шаруашылығы ғылымдары", "Другие сельскохозяйственные науки"},

	{"5", "Social sciences", "社会科学", "Әлеуметтік ғылымдар", "Социальные науки"},
	{"5.1", "Psychology and cognitive sciences", "心理学与认知科学", "Психология және когнитивтік ғылымдар", "Психология и когнитивные науки"},
	{"5.2", "Economics and business", "经济学与商学", "Экономика және бизнес", "Экономика и бизнес"},
	{"5.3", "Education", "教育学", "Педагогика ғылымдары", "Науки об образовании"},
	{"5.4", "Sociology", "社会学", "Әлеуметтану", "Социология"},
	{"5.5", "Law", "法学", "Құқықтану", "Право"},
	{"5.6", "Political science", "政治学", "Саясаттану", "Политология"},
	{"5.7", "Social and economic geography", "社会与经济地理学", "Әлеуметтік және экономикалық география", "Социальная и экономическая география"},
	{"5.8", "Media and communications", "新闻与传播学", "Медиа және коммуникациялар", "СМИ и массовые коммуникации"},
	{"5.9", "Other social sciences", "其他社会科学", "Басқа әлеуметтік ғылымдар", "Другие социальные науки"},

	{"6", "Humanities and the arts", "人文与艺术", "Гуманитарлық ғылымдар және өнер", "Гуманитарные науки и искусство"},
	{"6.1", "History and archaeology", "历史学与考古学", "Тарих және археология", "История и археология"},
	{"6.2", "Languages and literature", "语言与文学", "Тіл білімі және әдебиет", "Языки и литература"},
	{"6.3", "Philosophy, ethics and religion", "哲学、伦理学与宗教学", "Философия, этика және дінтану", "Философия, этика и религиоведение"},
	{"6.4", "Arts (arts, history of arts, performing arts, music)", "艺术（艺术、艺术史、表演艺术、音乐）", "Өнер (өнер, өнер тарихы, орындаушылық өнер, музыка)", "Искусство (искусство, история искусств, исполнительское искусство, музыка)"},
	{"6.5", "Other humanities", "其他人文学科", "Басқа гуманитарлық ғылымдар", "Другие гуманитарные науки"},
}

// topics holds ford as Topics, areas and fields in code order; topicIndex
// finds one by code. Neither is ever handed out: callers get copies.
var topics, topicIndex = buildTopics()

// buildTopics turns ford into Topics and indexes them by code.
func buildTopics() ([]Topic, map[string]int) {
	all := make([]Topic, 0, len(ford))
	index := make(map[string]int, len(ford))
	for _, row := range ford {
		t := Topic{
			Code:  row[0],
			Label: Text("en", row[1], "zh", row[2], "kk", row[3], "ru", row[4]),
		}
		if area, _, isField := strings.Cut(t.Code, "."); isField {
			t.Area = area
		}
		index[t.Code] = len(all)
		all = append(all, t)
	}
	return all, index
}

// clone returns a copy of t whose Label can be changed without touching the
// table.
func (t Topic) clone() Topic {
	t.Label = maps.Clone(t.Label)
	return t
}

// selectTopics returns copies of the topics for which keep is true, in code
// order.
func selectTopics(keep func(Topic) bool) []Topic {
	var out []Topic
	for _, t := range topics {
		if keep(t) {
			out = append(out, t.clone())
		}
	}
	return out
}

// Areas returns the six areas of science in code order.
func Areas() []Topic {
	return selectTopics(Topic.IsArea)
}

// Topics returns the 42 fields of science, without the areas, in code
// order.
func Topics() []Topic {
	return selectTopics(func(t Topic) bool { return !t.IsArea() })
}

// TopicsIn returns the fields of the area with the given code, in code
// order, or nil when there is no such area.
func TopicsIn(area string) []Topic {
	if area == "" {
		return nil
	}
	return selectTopics(func(t Topic) bool { return t.Area == area })
}

// TopicByCode returns the area or field with the given code, and false when
// there is none.
func TopicByCode(code string) (Topic, bool) {
	i, ok := topicIndex[code]
	if !ok {
		return Topic{}, false
	}
	return topics[i].clone(), true
}

// IsTopic reports whether code is the code of a field or of an area of
// science.
func IsTopic(code string) bool {
	_, ok := topicIndex[code]
	return ok
}
