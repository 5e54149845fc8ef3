package i18n

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"symposium"
	"symposium/internal/demo"
)

// The glossary test holds the catalogs to glossary.json, the project's
// glossary as data: every message whose key belongs to a concept uses the
// concept's term, no message uses a forbidden word, no message of one
// concept uses a rival concept's word (sign up, register and check in
// never share a word), and Kazakh endings are never glued to an inserted
// value. Each failure names the language, the key, the word and what to
// write instead.

// glossary is glossary.json.
type glossary struct {
	Rivals    [][]string                    `json:"rivals"`
	Forbidden map[string][]forbiddenWord    `json:"forbidden"`
	Grammar   map[string]grammarRule        `json:"grammar"`
	Concepts  []*concept                    `json:"concepts"`
	byID      map[string]*concept           // concepts by id
	rivalsOf  map[string]map[string]bool    // concept id → ids of its rivals
	matchers  map[string][]matcher          // language → every concept word
	banned    map[string][]forbiddenMatcher // language → every forbidden word
}

// concept is one row of the glossary.
type concept struct {
	ID        string                     `json:"id"`
	En        string                     `json:"en"`
	Term      map[string]string          `json:"term"`
	Words     map[string][]string        `json:"words"`
	Forbidden map[string][]forbiddenWord `json:"forbidden"`
	Keys      []string                   `json:"keys"`
	Scope     []string                   `json:"scope"`
}

// forbiddenWord is a word that must not appear, why, and what to write.
type forbiddenWord struct {
	Word string `json:"word"`
	Why  string `json:"why"`
	Use  string `json:"use"`
}

// grammarRule is what a language forbids next to an inserted value.
type grammarRule struct {
	Glued            string   `json:"glued"`
	AfterPlaceholder []string `json:"after_placeholder"`
	Use              string   `json:"use"`
	ChineseText      []string `json:"chinese_text"` // values that are Chinese text, set without spaces
	LatinText        []string `json:"latin_text"`   // numbers, dates, addresses: set with spaces
	Spacing          string   `json:"spacing"`
}

// matcher finds one word of a concept in normalized text.
type matcher struct {
	concept string
	word    string
	literal int // letters the word spells out: the longer wins an overlap
	re      *regexp.Regexp
	start   bool // the match must begin a word
	end     bool // the match must end a word
}

// forbiddenMatcher finds one forbidden word.
type forbiddenMatcher struct {
	matcher
	forbiddenWord
	conceptName string // the concept it is forbidden for, or ""
}

// loadGlossary reads glossary.json and compiles its words.
func loadGlossary(t *testing.T) *glossary {
	t.Helper()
	b, err := os.ReadFile("glossary.json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := parseGlossary(b)
	if err != nil {
		t.Fatalf("glossary.json: %v", err)
	}
	return g
}

// parseGlossary decodes a glossary and compiles its words.
func parseGlossary(b []byte) (*glossary, error) {
	var g glossary
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, err
	}
	g.byID = map[string]*concept{}
	g.matchers = map[string][]matcher{}
	g.banned = map[string][]forbiddenMatcher{}
	for _, c := range g.Concepts {
		g.byID[c.ID] = c
		for lang, words := range c.Words {
			for _, w := range words {
				g.matchers[lang] = append(g.matchers[lang], compileWord(c.ID, w))
			}
		}
		for lang, fs := range c.Forbidden {
			for _, f := range fs {
				g.banned[lang] = append(g.banned[lang], forbiddenMatcher{compileWord(c.ID, f.Word), f, c.En})
			}
		}
	}
	for lang, fs := range g.Forbidden {
		for _, f := range fs {
			g.banned[lang] = append(g.banned[lang], forbiddenMatcher{compileWord("", f.Word), f, ""})
		}
	}
	g.rivalsOf = map[string]map[string]bool{}
	for _, group := range g.Rivals {
		for _, a := range group {
			if g.byID[a] == nil {
				return nil, fmt.Errorf("rivals name the unknown concept %q", a)
			}
			for _, b := range group {
				if a != b {
					if g.rivalsOf[a] == nil {
						g.rivalsOf[a] = map[string]bool{}
					}
					g.rivalsOf[a][b] = true
				}
			}
		}
	}
	return &g, nil
}

// normalize lowercases text and writes ё as е, so words match either way.
func normalize(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "ё", "е")
}

// compileWord turns a glossary word into a matcher: * matches any ending,
// and a word of letters (not Chinese characters) matches whole words only.
func compileWord(conceptID, word string) matcher {
	w := normalize(word)
	var re strings.Builder
	literal := 0
	for _, r := range w {
		if r == '*' {
			re.WriteString(`\p{L}*`)
			continue
		}
		literal++
		re.WriteString(regexp.QuoteMeta(string(r)))
	}
	runes := []rune(w)
	first, last := runes[0], runes[len(runes)-1]
	return matcher{
		concept: conceptID,
		word:    word,
		literal: literal,
		re:      regexp.MustCompile(re.String()),
		start:   unicode.IsLetter(first) && !unicode.Is(unicode.Han, first),
		end:     unicode.IsLetter(last) && !unicode.Is(unicode.Han, last),
	}
}

// span is where a word was found in a normalized text.
type span struct {
	start, end int
	m          matcher
}

// find returns every place m matches in text, at word boundaries where m
// asks for them.
func (m matcher) find(text string) []span {
	var out []span
	for off := 0; off < len(text); {
		loc := m.re.FindStringIndex(text[off:])
		if loc == nil {
			break
		}
		s, e := off+loc[0], off+loc[1]
		if e == s {
			break
		}
		if m.bounded(text, s, e) {
			out = append(out, span{s, e, m})
			off = e
			continue
		}
		_, size := firstRune(text[s:])
		off = s + size
	}
	return out
}

// bounded reports whether text[s:e] stands alone as m asks: a word of
// letters not inside a longer word, a mark of punctuation (such as …) not
// doubled (……).
func (m matcher) bounded(text string, s, e int) bool {
	before, after := runeBefore(text, s), runeAt(text, e)
	first, _ := firstRune(text[s:e])
	last := runeBefore(text[s:e], e-s)
	if !unicode.IsLetter(first) && !unicode.IsLetter(last) {
		return before != first && after != last
	}
	return (!m.start || !unicode.IsLetter(before)) && (!m.end || !unicode.IsLetter(after))
}

// runeBefore returns the rune ending at byte i of s, or 0 at its start.
func runeBefore(s string, i int) rune {
	if i == 0 {
		return 0
	}
	r := []rune(s[:i])
	return r[len(r)-1]
}

// runeAt returns the rune starting at byte i of s, or 0 at its end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := firstRune(s[i:])
	return r
}

// firstRune returns the first rune of s and its size in bytes.
func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 1
}

// actionRE finds template actions, which the checks read past.
var actionRE = regexp.MustCompile(`\{\{.*?\}\}`)

// prose returns a message's text as the checks read it: normalized, with
// each template action replaced by a neutral mark.
func prose(s string) string {
	return normalize(actionRE.ReplaceAllString(s, " ◊ "))
}

// attribute returns the concept words found in text, each place read as
// the concept whose word spells out more of it where two overlap (so
// тіркелгі is an account, not a registration by its first letters).
func (g *glossary) attribute(lang, text string) []span {
	var all []span
	for _, m := range g.matchers[lang] {
		all = append(all, m.find(text)...)
	}
	var out []span
	for _, a := range all {
		if !slices.ContainsFunc(all, func(b span) bool {
			return b != a && b.start < a.end && a.start < b.end && wins(b, a)
		}) {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// wins reports whether b, overlapping a, is the reading kept: the word
// that spells out more letters, then the longer match, then the first.
func wins(b, a span) bool {
	if b.m.literal != a.m.literal {
		return b.m.literal > a.m.literal
	}
	if b.end-b.start != a.end-a.start {
		return b.end-b.start > a.end-a.start
	}
	return b.m.concept+b.m.word < a.m.concept+a.m.word
}

// matchesKey reports whether key matches one of the patterns (path.Match
// globs such as "checkin.*" or exact keys).
func matchesKey(patterns []string, key string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, key); ok {
			return true
		}
	}
	return false
}

// conceptsOf returns the concepts whose keys name key (must use the term)
// and those whose keys or scope do (must not use a rival's word).
func (g *glossary) conceptsOf(key string) (required, scoped []*concept) {
	for _, c := range g.Concepts {
		if matchesKey(c.Keys, key) {
			required = append(required, c)
			scoped = append(scoped, c)
		} else if matchesKey(c.Scope, key) {
			scoped = append(scoped, c)
		}
	}
	return required, scoped
}

// checkCatalog returns every glossary problem of one language's catalog,
// sorted by key.
func (g *glossary) checkCatalog(lang string, cat map[string]any) []string {
	var problems []string
	for _, key := range sortedKeys(cat) {
		ts := texts(cat[key])
		for _, form := range sortedKeys(ts) {
			problems = append(problems, g.checkText(lang, key, ts[form])...)
		}
	}
	return problems
}

// checkText returns the problems of one text of the message key.
func (g *glossary) checkText(lang, key, text string) []string {
	p := prose(text)
	where := fmt.Sprintf("%s %q: %q", lang, key, excerpt(text))
	var problems []string
	for _, f := range g.banned[lang] {
		for _, s := range f.find(p) {
			problems = append(problems, fmt.Sprintf("%s uses %q, forbidden%s: %s; use %q", where, p[s.start:s.end], forName(f.conceptName), f.Why, g.useFor(f, lang)))
		}
	}
	required, scoped := g.conceptsOf(key)
	found := g.attribute(lang, p)
	for _, c := range required {
		if !g.mentions(lang, c.ID, p) {
			problems = append(problems, fmt.Sprintf("%s (%s) does not use the term; use %q", where, c.En, c.Term[lang]))
		}
	}
	own := map[string]bool{}
	for _, c := range scoped {
		own[c.ID] = true
	}
	for _, c := range scoped {
		for _, s := range found {
			if g.rivalsOf[c.ID][s.m.concept] && !own[s.m.concept] {
				r := g.byID[s.m.concept]
				problems = append(problems, fmt.Sprintf("%s (%s) uses %q, the word for %s; use %q", where, c.En, p[s.start:s.end], r.En, c.Term[lang]))
			}
		}
	}
	return append(problems, g.checkGrammar(lang, where, text)...)
}

// mentions reports whether text has one of the concept's words anywhere,
// even inside a longer word of another concept (名录 in 名录维护人).
func (g *glossary) mentions(lang, conceptID, text string) bool {
	for _, m := range g.matchers[lang] {
		if m.concept == conceptID && len(m.find(text)) > 0 {
			return true
		}
	}
	return false
}

// useFor returns what to write instead of a forbidden word: its own advice,
// or its concept's term.
func (g *glossary) useFor(f forbiddenMatcher, lang string) string {
	if f.Use != "" {
		return f.Use
	}
	if c := g.byID[f.concept]; c != nil {
		return c.Term[lang]
	}
	return "another word"
}

// forName names the concept a word is forbidden for, if it is for one.
func forName(conceptName string) string {
	if conceptName == "" {
		return ""
	}
	return " for " + conceptName
}

// gluedRE finds a word or ending written right after a template action.
var (
	gluedRE = regexp.MustCompile(`\}\}(-?\p{L}+)`)
	afterRE = regexp.MustCompile(`\}\}\s+(\p{L}+)`)
)

// checkGrammar returns the places where a language's endings or
// case-governed words follow an inserted value.
func (g *glossary) checkGrammar(lang, where, text string) []string {
	rule, ok := g.Grammar[lang]
	if !ok {
		return nil
	}
	var problems []string
	if rule.Glued == "" {
		return checkSpacing(rule, where, text)
	}
	for _, m := range gluedRE.FindAllStringSubmatch(text, -1) {
		problems = append(problems, fmt.Sprintf("%s glues %q to an inserted value: %s; %s", where, m[1], rule.Glued, rule.Use))
	}
	for _, m := range afterRE.FindAllStringSubmatch(text, -1) {
		if slices.Contains(rule.AfterPlaceholder, normalize(m[1])) {
			problems = append(problems, fmt.Sprintf("%s puts %q right after an inserted value, which needs a case ending on it; %s", where, m[1], rule.Use))
		}
	}
	return append(problems, checkSpacing(rule, where, text)...)
}

// checkSpacing returns the places where Chinese text and an inserted value
// are spaced against the house rule.
func checkSpacing(rule grammarRule, where, text string) []string {
	if rule.Spacing == "" {
		return nil
	}
	var problems []string
	for _, m := range spacingRE.FindAllStringSubmatch(text, -1) {
		before, name, after := m[1], m[2], m[3]
		chinese := slices.Contains(rule.ChineseText, name)
		if !chinese && !slices.Contains(rule.LatinText, name) {
			continue // a value the glossary does not know: either may be right
		}
		for _, side := range []string{before, after} {
			spaced, han := strings.HasPrefix(side, " ") || strings.HasSuffix(side, " "), hasHan(side)
			if han && spaced == chinese {
				problems = append(problems, fmt.Sprintf("%s sets {{.%s}} %q: %s", where, name, strings.TrimSpace(m[0]), rule.Spacing))
			}
		}
	}
	return problems
}

// spacingRE finds a placeholder with the character on each side and any
// space between.
var spacingRE = regexp.MustCompile(`(\p{Han} ?|^|[^\p{Han}])\{\{\.([A-Za-z]+)\}\}( ?\p{Han}|$|[^\p{Han}])`)

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// excerpt shortens a message for a failure line.
func excerpt(s string) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) > 70 {
		return string(r[:67]) + "…"
	}
	return string(r)
}

func TestGlossaryCatalogs(t *testing.T) {
	g := loadGlossary(t)
	for _, lang := range symposium.Languages {
		for _, p := range g.checkCatalog(lang, loadCatalog(t, lang)) {
			t.Error(p)
		}
	}
}

// TestGlossaryDemoAndTopics reads the demo event's texts and the labels of
// the fields of science for forbidden words and Kazakh endings glued to
// inserted values, as the catalogs are read.
func TestGlossaryDemoAndTopics(t *testing.T) {
	g := loadGlossary(t)
	texts := demo.Texts()
	for _, tp := range append(symposium.Areas(), symposium.Topics()...) {
		texts = append(texts, tp.Label)
	}
	for _, text := range texts {
		for _, lang := range symposium.Languages {
			for _, p := range g.checkText(lang, "demo:"+text["en"], text[lang]) {
				t.Error(p)
			}
		}
	}
}

func TestGlossaryItself(t *testing.T) {
	g := loadGlossary(t)
	en := loadCatalog(t, "en")
	seen := map[string]string{} // lang + word → concept
	for _, c := range g.Concepts {
		for _, lang := range symposium.Languages {
			if c.Term[lang] == "" || len(c.Words[lang]) == 0 {
				t.Errorf("%s: %s lacks a term or words", c.ID, lang)
			}
			for _, w := range c.Words[lang] {
				if other, ok := seen[lang+" "+normalize(w)]; ok {
					t.Errorf("%s %q stands for two concepts: %s and %s", lang, w, other, c.ID)
				}
				seen[lang+" "+normalize(w)] = c.ID
			}
			g.checkTerm(t, c, lang)
		}
		for _, p := range append(slices.Clone(c.Keys), c.Scope...) {
			if !slices.ContainsFunc(sortedKeys(en), func(k string) bool { ok, _ := path.Match(p, k); return ok }) {
				t.Errorf("%s: the key pattern %q matches no message", c.ID, p)
			}
		}
	}
}

// checkTerm checks that each way a concept's term is written in lang is
// read as that concept, and as none of its rivals.
func (g *glossary) checkTerm(t *testing.T, c *concept, lang string) {
	t.Helper()
	for _, alt := range strings.Split(c.Term[lang], " / ") {
		found := g.attribute(lang, normalize(alt))
		if !slices.ContainsFunc(found, func(s span) bool { return s.m.concept == c.ID }) {
			t.Errorf("%s: the %s term %q matches none of its words", c.ID, lang, alt)
		}
		for _, s := range found {
			if g.rivalsOf[c.ID][s.m.concept] {
				t.Errorf("%s: the %s term %q reads as its rival %s", c.ID, lang, alt, s.m.concept)
			}
		}
	}
}

// TestGlossaryOneWordOneConcept lists, for each group of rival concepts
// and each language, the words the catalog uses for each, and fails when a
// word stands for two of them.
func TestGlossaryOneWordOneConcept(t *testing.T) {
	g := loadGlossary(t)
	for _, lang := range symposium.Languages {
		vocab := g.vocabulary(lang, loadCatalog(t, lang))
		for _, group := range g.Rivals {
			users := map[string][]string{} // word → concepts
			for _, id := range group {
				for _, w := range sortedKeys(vocab[id]) {
					users[w] = append(users[w], id)
				}
				t.Logf("%s %s: %s", lang, id, strings.Join(sortedKeys(vocab[id]), ", "))
			}
			for _, w := range sortedKeys(users) {
				if len(users[w]) > 1 {
					var where []string
					for _, id := range users[w] {
						where = append(where, id+" in "+strings.Join(vocab[id][w], ", "))
					}
					t.Errorf("%s %q stands for two concepts: %s", lang, w, strings.Join(where, "; "))
				}
			}
		}
	}
}

// vocabulary returns, per concept, the whole words a catalog's messages of
// the concept's keys use for it, each with the keys it appears in: the
// concept's own words, and any rival's word written in its place.
func (g *glossary) vocabulary(lang string, cat map[string]any) map[string]map[string][]string {
	out := map[string]map[string][]string{}
	add := func(id, w, key string) {
		if out[id] == nil {
			out[id] = map[string][]string{}
		}
		if !slices.Contains(out[id][w], key) {
			out[id][w] = append(out[id][w], key)
		}
	}
	for _, key := range sortedKeys(cat) {
		_, scoped := g.conceptsOf(key)
		for _, text := range texts(cat[key]) {
			p := prose(text)
			for _, s := range g.attribute(lang, p) {
				w := p[s.start:s.end]
				if slices.ContainsFunc(scoped, func(c *concept) bool { return c.ID == s.m.concept }) {
					add(s.m.concept, w, key)
					continue
				}
				for _, c := range scoped {
					if g.rivalsOf[c.ID][s.m.concept] {
						add(c.ID, w, key)
					}
				}
			}
		}
	}
	return out
}

// TestGlossaryCatchesMistakes feeds deliberately wrong messages to the
// check and wants each mistake reported with its key, its word and what to
// use instead: the test would fail if a forbidden word came back.
func TestGlossaryCatchesMistakes(t *testing.T) {
	g := loadGlossary(t)
	tests := []struct {
		lang, key, text string
		want            []string // pieces of one problem each
	}{
		{"kk", "abstract.status.withdrawn", "Кері қайтарылды", []string{`"abstract.status.withdrawn"`, `uses "кері қайтарылды", the word for undo`, `use "қайтарып алу"`}},
		{"kk", "event.tab.checkin", "Тіркеу үстелі", []string{`uses "тіркеу үстелі", forbidden for check in`, `uses "тіркеу", the word for register`, `use "келуді белгілеу"`}},
		{"kk", "nav.signup", "Тіркелу", []string{`(sign up (create an account); the account itself) does not use the term; use "тіркелгі жасау / тіркелгі"`, `uses "тіркелу", the word for register`}},
		{"kk", "abstracts.col.reviewer", "Сарапшы", []string{`uses "сарапшы", forbidden for reviewer`, `use "рецензент"`}},
		{"kk", "registration.status.cancelled", "Болдырылмады", []string{`uses "болдырылмады", forbidden for cancel`, `use "күші жойылды / күшін жою"`}},
		{"kk", "check_mail.hold", "Орныңыз {{.Until}} дейін сақталады.", []string{`puts "дейін" right after an inserted value`}},
		{"kk", "error.field.limit", "1-ден {{.Max}}-ге дейін.", []string{`glues "-ге" to an inserted value`}},
		{"ru", "event.tab.checkin", "Регистрация на входе", []string{`uses "регистрация", the word for register`, `use "отметка о прибытии"`}},
		{"ru", "editor.session", "Секция", []string{`uses "секция", the word for track`, `use "заседание"`}},
		{"ru", "abstracts.col.abstract", "Тезис", []string{`uses "тезис", forbidden for abstract`}},
		{"ru", "checkin.arrived", "пришёл", []string{`uses "пришел", forbidden: assumes a man`}},
		{"zh", "event.kind.seminar", "研修班", []string{`uses "研修班", forbidden for seminar: a training course; use "研讨班"`}},
		{"zh", "contribution.speakers", "发言人", []string{`uses "发言人", forbidden for speaker`}},
		{"zh", "abstract.type.poster", "海报", []string{`uses "海报"`}},
		{"zh", "editor.session", "分会场主题", []string{`uses "分会场"`, `does not use the term; use "分组会议 / 场次"`}},
		{"zh", "home.lead", "日程、论文征集、注册以及参与其中的人", []string{`uses "论文征集"`, `does not use the term; use "征稿 / 摘要征集"`}},
		{"zh", "mail.abstract.rejected.body", "很遗憾，您的摘要《{{.Title}}》未能被 {{.Event}} 录用。", []string{`sets {{.Event}} "被 {{.Event}} 录"`}},
		{"zh", "cfp.words", "最多{{.Count}}词", []string{`sets {{.Count}} "多{{.Count}}词"`}},
		{"en", "event.tab.checkin", "Registration desk", []string{`uses "registration", the word for register`}},
	}
	for _, tt := range tests {
		cat := loadCatalog(t, tt.lang)
		cat[tt.key] = tt.text
		got := g.checkCatalog(tt.lang, cat)
		for _, piece := range tt.want {
			if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, piece) }) {
				t.Errorf("%s %s = %q: no problem says %q; got %q", tt.lang, tt.key, tt.text, piece, onlyKey(got, tt.key))
			}
		}
	}
}

// onlyKey returns the problems about one key.
func onlyKey(problems []string, key string) []string {
	var out []string
	for _, p := range problems {
		if strings.Contains(p, fmt.Sprintf("%q", key)) {
			out = append(out, p)
		}
	}
	return out
}
