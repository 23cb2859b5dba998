package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"fundscope/ingest/template"
)

// syntheticCSV builds a template CSV of n line items over n/1000 catalogs.
func syntheticCSV(n int) []byte { return syntheticCSVPlus(n, 0) }

// syntheticCSVPlus adds extra 万元 to every amount (a "new version" of the same catalogs).
func syntheticCSVPlus(n, extra int) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(template.Columns(), ",") + "\n")
	cols := template.Columns()
	for i := 0; i < n; i++ {
		vals := map[string]string{
			"catalog_id": fmt.Sprintf("bench-%d", i/1000), "title": "基准", "publisher": "某市民政局", "province": "浙江省",
			"city": "杭州市", "admin_code": "330100", "level": "city", "year": "2024", "synthetic": "true",
			"item_no": fmt.Sprint(i%1000 + 1), "name": "居家养老服务", "category": "elderly", "region": "西湖区",
			"funding": "福彩金", "amount": fmt.Sprintf("%d.%03d", i%500+extra, i%1000), "amount_kind": "定额",
		}
		for k, c := range cols {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(vals[c])
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkIngestTemplate loads 100,000 template rows (read, validate, append, commit).
func BenchmarkIngestTemplate(b *testing.B) {
	raw := syntheticCSV(100000)
	v := vocabulary(b)
	b.SetBytes(int64(len(raw)))
	for i := 0; i < b.N; i++ {
		db := openTestDB(b)
		if _, err := IngestTemplate(context.Background(), db, "bench.csv", raw, v); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

// BenchmarkIngestSeeds loads the five bundled catalogs.
func BenchmarkIngestSeeds(b *testing.B) {
	jobs := bundledJobs(b)
	for i := 0; i < b.N; i++ {
		db := openTestDB(b)
		if _, errs := Run(context.Background(), db, jobs, nil); errs != nil {
			b.Fatal(errs)
		}
		db.Close()
	}
}
