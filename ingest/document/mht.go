package document

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"

	"fundscope/model"
)

// .mht/.mhtml (a web page saved by a browser or by Word as one MIME message):
// the first text/html part is decoded (quoted-printable or base64) and read
// as HTML, its charset parameter passed on as a meta declaration.
func init() {
	RegisterDecoder(Decoder{Name: "mht", Order: 25, Sniff: func(raw []byte) bool {
		head := bytes.ToLower(raw[:min(len(raw), 2048)])
		return hasPrefixFold(raw, "MIME-Version:", "From:", "Content-Type:") &&
			bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("content-type:"))
	}, Decode: decodeMHT})
}

func decodeMHT(path string, raw []byte) (*Document, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw)))
	header, err := tp.ReadMIMEHeader()
	if err != nil && err != io.EOF {
		return nil, &model.ParseError{File: path, Msg: "not a readable MIME (.mht) file: " + err.Error()}
	}
	mediaType, params, err := mime.ParseMediaType(header.Get("Content-Type"))
	if err != nil {
		return nil, &model.ParseError{File: path, Msg: "a .mht file without a readable Content-Type: " + err.Error()}
	}
	body, _ := io.ReadAll(tp.R)
	if !strings.HasPrefix(mediaType, "multipart/") {
		return mhtPart(path, header.Get("Content-Transfer-Encoding"), params["charset"], body)
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			return nil, &model.ParseError{File: path, Msg: "a .mht file with no text/html part"}
		}
		ct, pp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if ct == "text/html" {
			b, err := io.ReadAll(p)
			if err != nil {
				return nil, &model.ParseError{File: path, Msg: "reading the .mht page: " + err.Error()}
			}
			return mhtPart(path, p.Header.Get("Content-Transfer-Encoding"), pp["charset"], b)
		}
	}
}

func mhtPart(path, encoding, charset string, b []byte) (*Document, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		d, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(b)))
		if err != nil {
			return nil, &model.ParseError{File: path, Msg: "the .mht page is not valid quoted-printable: " + err.Error()}
		}
		b = d
	case "base64":
		d, err := io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(bytes.Join(bytes.Fields(b), nil))))
		if err != nil {
			return nil, &model.ParseError{File: path, Msg: "the .mht page is not valid base64: " + err.Error()}
		}
		b = d
	}
	if charset != "" && !bytes.Contains(bytes.ToLower(b[:min(len(b), 1024)]), []byte("charset")) {
		b = append([]byte(`<meta charset="`+charset+`">`), b...)
	}
	doc, err := decodeHTML(path, b)
	if err != nil {
		return nil, err
	}
	doc.Format = "mht"
	return doc, nil
}
