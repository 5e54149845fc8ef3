// Package eval generates an evaluation set for package names: synthetic
// people with Russian, Kazakh, Chinese and English names, and queries for
// them written in another script or romanization, half of them with one
// typo.
//
// Generate is deterministic for a seed. Each person has a name in its own
// script (Cyrillic, Chinese characters, or Latin for English names) and
// sometimes a second stored spelling, such as a passport's Latin form.
// Each query seeks one person and records its kind, such as "ru-bgn",
// "kk-latin2021" or "zh-split+typo" (see Kinds).
//
// The queries are written with this package's own romanizations, made
// from the standards and independently of package names, so that the
// evaluation does not grade the package against itself.
//
// No two people share a key: their name written in the lossiest of the
// romanizations used (ICAO 9303 for Cyrillic, which also writes Kazakh
// letters as Russian ones; toneless pinyin for Chinese; the Latin name
// for English), lowercased, with the words sorted. A query could not tell two such people apart, so a query's
// person is the only right answer, and recall is well defined. Homophones
// that the key keeps apart, such as Chinese family names that differ only
// in ü and u, stay in the set: telling them apart is part of the test.
package eval
