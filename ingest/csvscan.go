package ingest

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"os"
	"unicode/utf8"
)

// csvScan is what one streaming pass over a template CSV on disk learns
// before DuckDB reads it: whether DuckDB can read it where it lies (plain:
// UTF-8 without a byte-order mark and without carriage returns), and
// whether any cell may hold a control character (then the checks look for
// it, cell by cell). The file is never held in memory.
type csvScan struct {
	size    int64
	plain   bool
	control bool
}

// hashFile computes a file's sha256 in the background (at 1M line items it
// takes as long as the checks; it runs while DuckDB reads the file).
func hashFile(path string) func() (string, error) {
	type result struct {
		sha string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			ch <- result{err: err}
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			ch <- result{err: err}
			return
		}
		ch <- result{sha: hex.EncodeToString(h.Sum(nil))}
	}()
	var r *result
	return func() (string, error) {
		if r == nil {
			got := <-ch
			r = &got
		}
		return r.sha, r.err
	}
}

func scanCSVFile(path string) (csvScan, error) {
	f, err := os.Open(path)
	if err != nil {
		return csvScan{}, err
	}
	defer f.Close()
	s := csvScan{plain: true}
	buf := make([]byte, 1<<20)
	var carry []byte // the start of a rune cut by the end of the last chunk
	first := true
	for {
		n, err := io.ReadFull(f, buf)
		if n > 0 {
			chunk := buf[:n]
			s.size += int64(n)
			if first && len(chunk) >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
				s.plain = false
			}
			first = false
			if s.plain || !s.control {
				cr, ctl := controlBytes(chunk)
				s.plain = s.plain && !cr
				s.control = s.control || ctl
			}
			if s.plain {
				data := append(carry, chunk...)
				cut := len(data)
				for k := 1; k <= utf8.UTFMax && k <= len(data); k++ {
					if utf8.RuneStart(data[len(data)-k]) {
						if !utf8.FullRune(data[len(data)-k:]) {
							cut = len(data) - k
						}
						break
					}
				}
				if !utf8.Valid(data[:cut]) {
					s.plain = false
				}
				carry = append(carry[:0], data[cut:]...)
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return s, err
		}
	}
	if len(carry) > 0 {
		s.plain = false
	}
	return s, nil
}

// controlBytes reports whether b holds a carriage return, and whether it
// holds a control character other than tab, line feed and carriage return.
// Eight bytes at a time: a word with no byte below 0x20 is skipped whole.
func controlBytes(b []byte) (cr, control bool) {
	const highs, spaces = 0x8080808080808080, 0x2020202020202020
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		if (x-spaces)&^x&highs == 0 {
			continue
		}
		for _, c := range b[i : i+8] {
			cr, control = classify(c, cr, control)
		}
	}
	for _, c := range b[i:] {
		cr, control = classify(c, cr, control)
	}
	return cr, control
}

func classify(c byte, cr, control bool) (bool, bool) {
	switch {
	case c == '\r':
		cr = true
	case c == '\t' || c == '\n':
	case c < 0x20:
		control = true
	}
	return cr, control
}
