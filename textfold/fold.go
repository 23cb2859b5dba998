// Package textfold folds text for matching while the printed text is kept:
// traditional characters to simplified ones (data/ref/t2s.csv, from OpenCC)
// and romanization debris some reposts inject after characters (協(xié)會).
//
// Han keeps every byte offset: a character is folded only where its
// simplified form has as many UTF-8 bytes, so a span found in the folded
// text is the same span of the printed text. Readers match on the fold and
// quote the print.
package textfold

import (
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"fundscope/data"
)

var (
	once  sync.Once
	t2s   map[rune]rune
	s2t   map[rune]rune // the first traditional character of the table that folds to each simplified one
	errT2 error
)

func load() {
	f, err := data.FS.Open("ref/t2s.csv")
	if err != nil {
		errT2 = err
		return
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		errT2 = fmt.Errorf("data/ref/t2s.csv: %w", err)
		return
	}
	t2s = make(map[rune]rune, len(rows))
	s2t = make(map[rune]rune, len(rows))
	for _, r := range rows[1:] {
		tr, tn := utf8.DecodeRuneInString(r[0])
		sr, sn := utf8.DecodeRuneInString(r[1])
		if tn != len(r[0]) || sn != len(r[1]) || tn != sn {
			continue // not one character each, or a different width: offsets would move
		}
		t2s[tr] = sr
		if _, seen := s2t[sr]; !seen && tr != sr {
			s2t[sr] = tr
		}
	}
}

// Traditional prints s in traditional characters: each simplified character
// the table folds a traditional one to becomes the first such traditional
// character, so that Han gives s back. The tests use it to require that a
// notice printed in traditional characters reads like its simplified original.
func Traditional(s string) string {
	once.Do(load)
	return strings.Map(func(r rune) rune {
		if tr, ok := s2t[r]; ok {
			return tr
		}
		return r
	}, s)
}

// Err reports a damaged t2s table (the binary embeds it, so only a broken
// build gives one); Han then folds nothing.
func Err() error { once.Do(load); return errT2 }

// Han folds traditional characters to simplified ones, byte offsets kept.
func Han(s string) string {
	once.Do(load)
	if len(t2s) == 0 {
		return s
	}
	var b *strings.Builder
	for i, r := range s {
		sr, ok := t2s[r]
		if !ok {
			if b != nil {
				b.WriteRune(r)
			}
			continue
		}
		if b == nil {
			b = &strings.Builder{}
			b.Grow(len(s))
			b.WriteString(s[:i])
		}
		b.WriteRune(sr)
	}
	if b == nil {
		return s
	}
	return b.String()
}

// pinyinRe is romanization debris after a character: 協(xié)會, 其(qi)他,
// F(xiàn) (a character lost before its reading).
var pinyinRe = regexp.MustCompile(`(\p{Han}|[A-Z])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)`)

// Pinyin removes romanization debris, keeping the character before it.
// Offsets change: use it where the result is read, not sliced back.
func Pinyin(s string) string {
	if !strings.Contains(s, "(") {
		return s
	}
	return pinyinRe.ReplaceAllStringFunc(s, func(m string) string {
		r, n := utf8.DecodeRuneInString(m)
		if r >= 'A' && r <= 'Z' {
			return "" // F(xiàn): the character itself was lost
		}
		return m[:n]
	})
}

// Printed returns the part of printed that folded[i:j] came from, where
// folded = Han(printed) and sub is found in folded; "" when it is not.
func Printed(printed, sub string) string {
	folded := Han(printed)
	i := strings.Index(folded, sub)
	if i < 0 || len(folded) != len(printed) {
		return ""
	}
	return printed[i : i+len(sub)]
}

// Clean folds s to simplified characters and removes romanization debris
// (區(qū) → 区), for matching; at[k] is the byte offset in s that byte k of
// the result came from (at[len(result)] = len(s)), so that a match can be
// cut from s as printed.
func Clean(s string) (string, []int) {
	f := Han(s)
	if len(f) != len(s) {
		f = s // a fold that changes lengths: match the printed text
	}
	var b strings.Builder
	at := make([]int, 0, len(f)+1)
	last := 0
	for _, m := range pinyinRe.FindAllStringIndex(f, -1) {
		r, n := utf8.DecodeRuneInString(f[m[0]:])
		keep := m[0] + n // the character before its reading
		if r >= 'A' && r <= 'Z' {
			keep = m[0] // F(xiàn): the character itself was lost
		}
		for k := last; k < keep; k++ {
			at = append(at, k)
		}
		b.WriteString(f[last:keep])
		last = m[1]
	}
	for k := last; k < len(f); k++ {
		at = append(at, k)
	}
	b.WriteString(f[last:])
	return b.String(), append(at, len(f))
}
