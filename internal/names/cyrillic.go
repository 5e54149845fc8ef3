package names

// skeletonLetters maps lowercase letters that are not plain ASCII to the
// ASCII letters the skeleton starts from, before spelling variants are
// folded (see fold). Latin letters missing here lose their marks.
//
// Cyrillic is written close to the passport (ICAO 9303) romanization; the
// Kazakh letters fold into their Russian neighbours (ә and а, қ and к, ұ,
// ү and у …), which is also what typing Kazakh on a Russian keyboard does.
// The soft and hard signs vanish.
var skeletonLetters = map[rune]string{
	// Russian.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "iu",
	'я': "ia",
	// Kazakh.
	'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u", 'һ': "h",
	'і': "i",
	// Ukrainian, Belarusian, Kyrgyz, Tatar, Serbian letters seen in names.
	'є': "ie", 'ї': "i", 'ґ': "g", 'ў': "u", 'ҳ': "h", 'ҷ': "j", 'ӯ': "u", 'ӣ': "i",
	'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'ђ': "dj", 'џ': "dzh", 'ѕ': "dz",
	// Latin letters whose marks carry a sound: ISO 9 (ž č š ŝ â û),
	// Turkish-style Kazakh (ş ç), the Kazakh Latin of 2018 (ý for у),
	// and letters that do not decompose.
	'ý': "u", 'ž': "zh", 'č': "ch", 'š': "sh", 'ŝ': "shch", 'â': "ia", 'û': "iu", 'ş': "sh",
	'ș': "sh", 'ç': "ch", 'ı': "i", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o",
	'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ĳ': "ij", 'ŀ': "l",
}

// kazakhLetters are the Cyrillic letters of Kazakh that Russian lacks, in
// both cases: a name holding one is read as Kazakh.
var kazakhLetters = map[rune]bool{
	'ә': true, 'ғ': true, 'қ': true, 'ң': true, 'ө': true, 'ұ': true, 'ү': true, 'һ': true, 'і': true,
	'Ә': true, 'Ғ': true, 'Қ': true, 'Ң': true, 'Ө': true, 'Ұ': true, 'Ү': true, 'Һ': true, 'І': true,
}

// kazakhLatin writes lowercase Kazakh Cyrillic in the Kazakh Latin
// alphabet of January 2021.
var kazakhLatin = map[rune]string{
	'а': "a", 'ә': "ä", 'б': "b", 'в': "v", 'г': "g", 'ғ': "ğ", 'д': "d", 'е': "e",
	'ё': "io", 'ж': "j", 'з': "z", 'и': "i", 'й': "i", 'і': "ı", 'к': "k", 'қ': "q",
	'л': "l", 'м': "m", 'н': "n", 'ң': "ñ", 'о': "o", 'ө': "ö", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ұ': "ū", 'ү': "ü", 'ф': "f", 'х': "h", 'һ': "h",
	'ц': "ts", 'ч': "ch", 'ш': "ş", 'щ': "şş", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e",
	'ю': "iu", 'я': "ia",
}

// kazakhLatinUpper gives the capitals that are not simply the first letter
// of kazakhLatin upper-cased: И and Й are İ, and І is a dotless I.
var kazakhLatinUpper = map[rune]string{'И': "İ", 'Й': "İ", 'І': "I"}

// russianLatin writes lowercase Russian Cyrillic the BGN/PCGN way, without
// the apostrophes it gives the soft and hard signs and without the
// diaeresis of ё (yo). Е at the start of a word and after a vowel, a sign
// or й is ye (see romanizeWord).
var russianLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", 'є': "ye", 'ї': "yi", 'ґ': "g", 'ў': "w", 'ј': "j",
}

// isCyrillic reports whether r is a letter of the Cyrillic blocks.
func isCyrillic(r rune) bool {
	return r >= 0x0400 && r <= 0x052F
}
