package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// familyReadings are the readings of characters as family names where they
// differ from the character's most common reading, which go-pinyin gives:
// 曾 is zeng as a family name, not ceng. Traditional forms are included.
var familyReadings = map[rune]string{
	'曾': "zeng", '单': "shan", '單': "shan", '仇': "qiu", '解': "xie", '区': "ou",
	'區': "ou", '朴': "piao", '查': "zha", '盖': "ge", '蓋': "ge", '秘': "bi",
	'祕': "bi", '乐': "yue", '樂': "yue", '缪': "miao", '繆': "miao", '覃': "qin",
	'翟': "zhai", '瞿': "qu", '尉': "yu", '种': "chong", '種': "chong", '黑': "he",
	'繁': "po", '员': "yun", '員': "yun", '句': "gou", '阚': "kan", '闞': "kan",
	'召': "shao", '能': "nai", '盛': "sheng", '柏': "bai", '重': "chong", '石': "shi",
	'薄': "bo", '宿': "su", '长': "chang", '長': "chang", '藏': "zang", '卜': "bu",
	'折': "she", '都': "du", '隗': "wei", '冼': "xian", '洗': "xian", '莘': "shen",
	'祭': "zhai", '蔚': "yu", '谌': "chen", '諶': "chen", '厍': "she", '佴': "nai",
	'粘': "nian", '缑': "gou", '沈': "shen", '贾': "jia", '賈': "jia", '褚': "chu",
	'车': "che", '車': "che", '牟': "mou", '万': "wan", '费': "fei", '華': "hua",
	'华': "hua", '任': "ren", '燕': "yan", '郇': "huan", '过': "guo", '纪': "ji",
	'殷': "yin", '叶': "ye", '葉': "ye", '陆': "lu", '陸': "lu", '曲': "qu",
	'冯': "feng", '馮': "feng", '吕': "lü", '呂': "lü", '闾': "lü", '逄': "pang",
	'郦': "li", '亓': "qi", '眭': "sui", '阿': "a", '哈': "ha", '贲': "ben",
	'那': "na",
}

// compoundFamilies are family names of two characters, with their
// readings. A name in characters starting with one of them, and longer than
// it, has it as its family name.
var compoundFamilies = map[string]string{
	"欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima", "上官": "shangguan",
	"诸葛": "zhuge", "諸葛": "zhuge", "东方": "dongfang", "東方": "dongfang", "皇甫": "huangfu",
	"尉迟": "yuchi", "尉遲": "yuchi", "万俟": "moqi", "萬俟": "moqi", "长孙": "zhangsun",
	"長孫": "zhangsun", "令狐": "linghu", "慕容": "murong", "公孙": "gongsun", "公孫": "gongsun",
	"夏侯": "xiahou", "宇文": "yuwen", "澹台": "tantai", "呼延": "huyan", "端木": "duanmu",
	"单于": "chanyu", "單于": "chanyu", "司徒": "situ", "司空": "sikong", "闻人": "wenren",
	"聞人": "wenren", "轩辕": "xuanyuan", "軒轅": "xuanyuan", "钟离": "zhongli", "鍾離": "zhongli",
	"宗政": "zongzheng", "濮阳": "puyang", "濮陽": "puyang", "淳于": "chunyu", "太叔": "taishu",
	"申屠": "shentu", "南宫": "nangong", "南宮": "nangong", "西门": "ximen", "西門": "ximen",
	"第五": "diwu", "百里": "baili", "东郭": "dongguo", "東郭": "dongguo", "拓跋": "tuoba",
	"赫连": "helian", "赫連": "helian", "独孤": "dugu", "獨孤": "dugu", "公冶": "gongye",
	"左丘": "zuoqiu", "谷梁": "guliang", "乐正": "yuezheng", "樂正": "yuezheng", "仲孙": "zhongsun",
	"巫马": "wuma", "羊舌": "yangshe", "微生": "weisheng", "梁丘": "liangqiu", "公西": "gongxi",
	"漆雕": "qidiao", "颛孙": "zhuansun", "亓官": "qiguan", "司寇": "sikou", "鲜于": "xianyu",
	"鮮于": "xianyu", "闾丘": "lüqiu", "东门": "dongmen", "公羊": "gongyang",
}

// pinyinArgs asks go-pinyin for toneless readings, the most common first.
var pinyinArgs = pinyin.NewArgs()

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// splitHan splits a name of two or more Chinese characters, written
// without spaces, into family name and given name: 张伟 into 张 and 伟,
// 欧阳修 into 欧阳 and 修.
func splitHan(s string) (family, given string) {
	runes := []rune(s)
	if len(runes) > 2 {
		if _, ok := compoundFamilies[string(runes[:2])]; ok {
			return string(runes[:2]), string(runes[2:])
		}
	}
	return string(runes[:1]), string(runes[1:])
}

// familyPinyin reads a family name in characters as a family name: 曾 is
// zeng, 尉迟 is yuchi. Characters past a known family name are read
// plainly.
func familyPinyin(family string) string {
	if r, ok := compoundFamilies[family]; ok {
		return r
	}
	r, size := utf8.DecodeRuneInString(family)
	if reading, ok := familyReadings[r]; ok {
		return reading + hanPinyin(family[size:])
	}
	return hanPinyin(family)
}

// hanPinyin writes Chinese characters in pinyin without tones, run
// together, with ü for the ü that go-pinyin writes v. Characters it cannot
// read are dropped.
func hanPinyin(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !isHan(r) {
			continue
		}
		if py := pinyin.SinglePinyin(r, pinyinArgs); len(py) > 0 {
			b.WriteString(strings.ReplaceAll(py[0], "v", "ü"))
		}
	}
	return b.String()
}
