package document

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/richardlehane/mscfb"

	"fundscope/model"
	"fundscope/money"
)

// Legacy and other office formats are converted by LibreOffice (headless) to
// .docx or .xlsx and read by those decoders: .doc/.wps and .xls/.et (OLE2
// containers, told apart by their streams), .rtf, .odt and .ods.
func init() {
	RegisterDecoder(Decoder{Name: "ole2", Order: 1, Sniff: func(raw []byte) bool {
		return bytes.HasPrefix(raw, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	}, Decode: decodeOLE2})
	RegisterDecoder(Decoder{Name: "rtf", Order: 2, Sniff: func(raw []byte) bool { return bytes.HasPrefix(raw, []byte(`{\rtf`)) },
		Decode: func(path string, raw []byte) (*Document, error) { return convertAndDecode(path, raw, "rtf", "docx") }})
	RegisterDecoder(Decoder{Name: "odf", Order: 3, Sniff: func(raw []byte) bool { return odfType(raw) != "" }, Decode: func(path string, raw []byte) (*Document, error) {
		if odfType(raw) == "spreadsheet" {
			return convertAndDecode(path, raw, "ods", "xlsx")
		}
		return convertAndDecode(path, raw, "odt", "docx")
	}})
	RegisterDecoder(Decoder{Name: "zip", Order: 20, Sniff: func(raw []byte) bool { return bytes.HasPrefix(raw, []byte("PK\x03\x04")) }, Decode: func(path string, raw []byte) (*Document, error) {
		if err := CheckZip(path, raw); err != nil {
			return nil, err
		}
		return nil, &model.ParseError{File: path, Msg: "a zip container that is neither .docx, .xlsx, .odt nor .ods (no word/document.xml or xl/workbook.xml inside)"}
	}})
}

// decodeOLE2 tells a Word or WPS document from an Excel or ET workbook by
// their streams, and a password-protected Office file by its EncryptedPackage.
func decodeOLE2(path string, raw []byte) (*Document, error) {
	kind, err := oleKind(path, raw)
	if err != nil {
		return nil, err
	}
	if kind == "doc" {
		return convertAndDecode(path, raw, "doc", "docx")
	}
	return convertAndDecode(path, raw, "xls", "xlsx")
}

// oleKind tells an OLE2 file by its streams: "doc" (Word, WPS) or "xls"
// (Excel, ET); a password-protected, damaged or other Office file is an
// error naming it.
func oleKind(path string, raw []byte) (string, error) {
	r, err := mscfb.New(bytes.NewReader(raw))
	if err != nil {
		return "", &model.ParseError{File: path, Msg: "a damaged Office (OLE2) file: " + err.Error()}
	}
	var names []string
	for e, err := r.Next(); err == nil && len(names) < 10000; e, err = r.Next() {
		names = append(names, e.Name)
	}
	has := func(n string) bool {
		for _, x := range names {
			if strings.EqualFold(x, n) {
				return true
			}
		}
		return false
	}
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return "", &model.ParseError{File: path, Msg: "the file is password-protected: open it with its password and save it again without one"}
	case has("WordDocument"):
		return "doc", nil
	case has("Workbook") || has("Book"):
		return "xls", nil
	}
	return "", &model.ParseError{File: path, Msg: fmt.Sprintf("an Office (OLE2) file that is neither a Word/WPS document nor an Excel/ET workbook (streams: %s)", money.Clip(strings.Join(names, ", "), 200))}
}

// odfType is "text" or "spreadsheet" for an OpenDocument file, else "".
func odfType(raw []byte) string {
	if !bytes.HasPrefix(raw, []byte("PK\x03\x04")) || !bytes.Contains(raw[:min(len(raw), 200)], []byte("mimetypeapplication/vnd.oasis.opendocument.")) {
		return ""
	}
	switch {
	case bytes.Contains(raw[:min(len(raw), 200)], []byte("opendocument.spreadsheet")):
		return "spreadsheet"
	case bytes.Contains(raw[:min(len(raw), 200)], []byte("opendocument.text")):
		return "text"
	}
	return ""
}

// ConvertTimeout bounds one LibreOffice conversion.
var ConvertTimeout = 120 * time.Second

var convertMu sync.Mutex // one LibreOffice at a time: it shares state between instances

// convertAndDecode converts with LibreOffice and decodes the result, noting
// the conversion on the document.
func convertAndDecode(path string, raw []byte, from, to string) (*Document, error) {
	out, version, err := Convert(path, raw, from, to)
	if err != nil {
		return nil, err
	}
	for _, d := range decoders {
		if d.Name == to {
			doc, err := d.Decode(path, out)
			if err != nil {
				return nil, err
			}
			doc.Conversion = fmt.Sprintf("%s %s → %s", version, from, to)
			return doc, nil
		}
	}
	return nil, fmt.Errorf("no decoder for %s", to)
}

// Convert runs LibreOffice headless to turn raw (a .from file) into .to, with
// a private profile, a time limit (the whole process group is killed on
// time-out) and the output checked, since LibreOffice exits 0 when it fails.
// Results are cached by the input's sha256 in the user's cache folder.
func Convert(path string, raw []byte, from, to string) ([]byte, string, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			return nil, "", &model.ParseError{File: path, Msg: fmt.Sprintf("reading .%s needs LibreOffice, which is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (Debian)", from)}
		}
	}
	convertMu.Lock()
	defer convertMu.Unlock()
	version := libreOfficeVersion(soffice)
	sum := sha256.Sum256(raw)
	key := hex.EncodeToString(sum[:]) + "." + to
	cacheDir := ""
	if d, err := os.UserCacheDir(); err == nil {
		cacheDir = filepath.Join(d, "fundscope", "converted")
		if b, err := os.ReadFile(filepath.Join(cacheDir, key)); err == nil && convertedOK(b, to) {
			return b, version, nil
		}
	}
	work, err := os.MkdirTemp("", "fundscope-convert-")
	if err != nil {
		return nil, "", err
	}
	defer os.RemoveAll(work)
	in := filepath.Join(work, "in."+from)
	if err := os.WriteFile(in, raw, 0o600); err != nil {
		return nil, "", err
	}
	outDir := filepath.Join(work, "out")
	ctx, cancel := context.WithTimeout(context.Background(), ConvertTimeout)
	defer cancel()
	cmd := exec.Command(soffice, "--headless", "--norestore", "--nologo", "--nolockcheck", "--nodefault",
		"-env:UserInstallation=file://"+filepath.Join(work, "profile"), "--convert-to", to, "--outdir", outDir, in)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
		return nil, "", &model.ParseError{File: path, Msg: fmt.Sprintf("LibreOffice did not convert it within %s", ConvertTimeout)}
	}
	b, rerr := os.ReadFile(filepath.Join(outDir, "in."+to))
	if err != nil || rerr != nil || !convertedOK(b, to) {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" && err != nil {
			msg = err.Error()
		}
		return nil, "", &model.ParseError{File: path, Msg: fmt.Sprintf("LibreOffice could not convert this .%s to .%s (%s)", from, to, firstLineOf(msg))}
	}
	if cacheDir != "" && os.MkdirAll(cacheDir, 0o755) == nil {
		tmp := filepath.Join(cacheDir, key+".tmp")
		if os.WriteFile(tmp, b, 0o644) == nil {
			os.Rename(tmp, filepath.Join(cacheDir, key))
		}
	}
	return b, version, nil
}

// convertedOK checks the converted file is what was asked for.
func convertedOK(b []byte, to string) bool {
	member := map[string]string{"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[to]
	if member == "" || !zipHas(b, member) {
		return false
	}
	_, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	return err == nil
}

var (
	versionOnce sync.Once
	versionText string
)

func libreOfficeVersion(soffice string) string {
	versionOnce.Do(func() {
		versionText = "LibreOffice"
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if out, err := exec.CommandContext(ctx, soffice, "--version").Output(); err == nil {
			if f := strings.Fields(string(out)); len(f) >= 2 {
				versionText = f[0] + " " + f[1]
			}
		}
	})
	return versionText
}

func firstLineOf(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if s == "" {
		return "no output"
	}
	return s
}
