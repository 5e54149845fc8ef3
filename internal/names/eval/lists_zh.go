package eval

import (
	"strconv"
	"strings"
)

// zhSurnameTable lists Chinese family names, their reading as a family
// name and their share of the population in tenths of a percent (rounded
// from published census tables; compound and rare polyphonic ones get a
// token share).
const zhSurnameTable = `
王 wang 71 李 li 70 张 zhang 67 刘 liu 54 陈 chen 46 杨 yang 31 黄 huang 24 赵 zhao 22
吴 wu 20 周 zhou 19 徐 xu 15 孙 sun 15 马 ma 14 朱 zhu 13 胡 hu 13 郭 guo 12 何 he 12
林 lin 11 高 gao 11 罗 luo 10 郑 zheng 9 梁 liang 9 谢 xie 8 宋 song 7 唐 tang 7 许 xu 7
韩 han 7 邓 deng 6 冯 feng 6 曹 cao 6 彭 peng 6 曾 zeng 6 肖 xiao 6 田 tian 5 董 dong 5
潘 pan 5 袁 yuan 5 蔡 cai 5 蒋 jiang 5 余 yu 5 于 yu 5 杜 du 4 叶 ye 4 程 cheng 4 魏 wei 4
苏 su 4 吕 lü 4 丁 ding 4 任 ren 4 卢 lu 4 姚 yao 4 沈 shen 4 钟 zhong 4 姜 jiang 4
崔 cui 3 谭 tan 3 陆 lu 3 范 fan 3 汪 wang 3 廖 liao 3 石 shi 3 金 jin 3 韦 wei 3 贾 jia 3
夏 xia 3 付 fu 3 方 fang 3 邹 zou 2 熊 xiong 2 白 bai 2 孟 meng 2 秦 qin 2 邱 qiu 2
侯 hou 2 江 jiang 2 尹 yin 2 薛 xue 2 闫 yan 2 段 duan 2 雷 lei 2 龙 long 2 黎 li 2 史 shi 2
陶 tao 2 贺 he 2 毛 mao 2 郝 hao 2 顾 gu 2 龚 gong 1 邵 shao 1 万 wan 1 覃 qin 1 武 wu 1
钱 qian 1 戴 dai 1 严 yan 1 莫 mo 1 孔 kong 1 向 xiang 1 常 chang 1 汤 tang 1 康 kang 1
易 yi 1 乔 qiao 1 赖 lai 1 文 wen 1 施 shi 1 洪 hong 1 辛 xin 1 柴 chai 1 牛 niu 1 温 wen 1
单 shan 0.5 解 xie 0.3 仇 qiu 0.2 查 zha 0.3 朴 piao 0.3 区 ou 0.1 盖 ge 0.2 翟 zhai 0.5
缪 miao 0.2 乐 yue 0.2 瞿 qu 0.2 阚 kan 0.1 盛 sheng 0.5 柏 bai 0.2 薄 bo 0.2 宿 su 0.1
欧阳 ouyang 0.5 司马 sima 0.1 上官 shangguan 0.1 诸葛 zhuge 0.05 尉迟 yuchi 0.02
长孙 zhangsun 0.02 万俟 moqi 0.01 皇甫 huangfu 0.05 令狐 linghu 0.02 东方 dongfang 0.03`

// zhGivenTable lists characters of given names with their reading in
// names, common ones first.
const zhGivenTable = `
伟 wei 芳 fang 娜 na 敏 min 静 jing 丽 li 强 qiang 磊 lei 军 jun 洋 yang 勇 yong 艳 yan
杰 jie 娟 juan 涛 tao 明 ming 超 chao 秀 xiu 霞 xia 平 ping 刚 gang 桂 gui 辉 hui 鹏 peng
华 hua 飞 fei 鑫 xin 波 bo 斌 bin 宇 yu 浩 hao 凯 kai 健 jian 俊 jun 帆 fan 帅 shuai
旭 xu 宁 ning 龙 long 林 lin 阳 yang 博 bo 文 wen 东 dong 亮 liang 成 cheng 建 jian
志 zhi 峰 feng 国 guo 海 hai 晨 chen 毅 yi 鸣 ming 泽 ze 轩 xuan 睿 rui 昊 hao 天 tian
然 ran 子 zi 一 yi 嘉 jia 铭 ming 豪 hao 航 hang 振 zhen 新 xin 哲 zhe 彬 bin 立 li
坤 kun 荣 rong 生 sheng 庆 qing 宏 hong 忠 zhong 德 de 顺 shun 义 yi 兴 xing 祥 xiang
福 fu 贵 gui 安 an 光 guang 永 yong 广 guang 正 zheng 春 chun 金 jin 山 shan 松 song
楠 nan 琦 qi 栋 dong 梁 liang 鹤 he 雄 xiong 彦 yan 恒 heng 锋 feng 骏 jun 奇 qi 元 yuan
思 si 远 yuan 源 yuan 达 da 卫 wei 民 min 良 liang 武 wu 翔 xiang 胜 sheng 钢 gang
乐 le 逸 yi 辰 chen 皓 hao 煜 yu 熙 xi 霖 lin 渊 yuan 瑞 rui 涵 han 沛 pei 红 hong
玉 yu 兰 lan 梅 mei 莉 li 婷 ting 雪 xue 琳 lin 倩 qian 颖 ying 慧 hui 洁 jie 佳 jia
欣 xin 悦 yue 晶 jing 璐 lu 瑶 yao 琴 qin 云 yun 莹 ying 蕾 lei 薇 wei 妍 yan 婧 jing
菲 fei 露 lu 岚 lan 凤 feng 彤 tong 蓉 rong 萱 xuan 怡 yi 雯 wen 淑 shu 珍 zhen 月 yue
青 qing 瑾 jin 璇 xuan 诗 shi 梦 meng 琪 qi 馨 xin 曦 xi 雅 ya 晴 qing 婉 wan 妮 ni
姗 shan 瑜 yu 惠 hui 贞 zhen 娥 e 翠 cui 琼 qiong 花 hua 英 ying 美 mei 香 xiang
冰 bing 晓 xiao 小 xiao 若 ruo 语 yu 可 ke 欢 huan 蓓 bei 蕊 rui 芝 zhi 芬 fen 芸 yun
茜 qian 菁 jing 茹 ru 佩 pei 媛 yuan 娇 jiao 婕 jie 嫣 yan 沁 qin 滢 ying 潇 xiao
漫 man 靖 jing 琬 wan 绮 qi 缘 yuan 梓 zi 桐 tong 楚 chu 歆 xin 萌 meng 朵 duo 璟 jing
宸 chen 铄 shuo 烨 ye 炜 wei 玮 wei 珂 ke 琛 chen 瑛 ying 钰 yu 锦 jin 岩 yan 磊 lei
森 sen 淼 miao 晗 han 昕 xin 昱 yu 旻 min 曜 yao 朗 lang 杉 shan 柯 ke 栩 xu 桦 hua
槿 jin 毓 yu 沐 mu 津 jin 洲 zhou 淳 chun 澄 cheng 澜 lan 灿 can 炎 yan 焱 yan 煊 xuan
熠 yi 琰 yan 璋 zhang 甜 tian 皎 jiao 睿 rui 硕 shuo 祺 qi 禹 yu 秋 qiu 穗 sui 笑 xiao
策 ce 筱 xiao 籽 zi 素 su 紫 zi 羽 yu 翊 yi 聪 cong 舒 shu 芮 rui 芷 zhi 苒 ran 茗 ming
荷 he 莎 sha 萍 ping 蔚 wei 虹 hong 言 yan 谦 qian 贝 bei 赫 he 超 chao 越 yue 轶 yi
迪 di 逸 yi 道 dao 遥 yao 醇 chun 金 jin 钧 jun 铮 zheng 锐 rui 闻 wen 阔 kuo 雨 yu
雁 yan 雷 lei 霄 xiao 韬 tao 韵 yun 颂 song 馥 fu 驰 chi 骁 xiao 鸿 hong 麟 lin 黛 dai`

// zhSurnames are the family names, weighted; zhReading and zhGiven give
// readings of family names and given-name characters.
var (
	zhSurnames, zhFamilyReading = parseSurnames(zhSurnameTable)
	zhGiven, zhReading          = parseGiven(zhGivenTable)
)

// parseSurnames reads the triples of zhSurnameTable.
func parseSurnames(table string) (*weighted, map[string]string) {
	f := strings.Fields(table)
	var pairs []pair
	readings := map[string]string{}
	for i := 0; i+2 < len(f); i += 3 {
		w, err := strconv.ParseFloat(f[i+2], 64)
		if err != nil {
			panic("eval: bad surname weight " + f[i+2])
		}
		pairs = append(pairs, pair{f[i], w})
		readings[f[i]] = f[i+1]
	}
	return explicit(pairs), readings
}

// parseGiven reads the pairs of zhGivenTable, keeping the first reading of
// a character listed twice.
func parseGiven(table string) (*weighted, map[rune]string) {
	f := strings.Fields(table)
	var list []string
	readings := map[rune]string{}
	for i := 0; i+1 < len(f); i += 2 {
		r := []rune(f[i])[0]
		if _, ok := readings[r]; ok {
			continue
		}
		readings[r] = f[i+1]
		list = append(list, f[i])
	}
	return zipf(strings.Join(list, " ")), readings
}
