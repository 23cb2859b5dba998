package export

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func init() {
	Register(Format{Name: "parquet", MediaType: "application/vnd.apache.parquet", Write: writeParquet,
		Help: "Parquet; line_items Hive-partitioned by province_code/city_code/year (GB/T 2260 codes), provenance in each file's footer"})
}

func writeParquet(ctx context.Context, conn *sql.Conn, staged, table, dir string, o Options) ([]string, error) {
	meta := map[string]string{
		"fundscope.table":       table,
		"fundscope.exported_at": o.Now.UTC().Format(time.RFC3339),
		"fundscope.filter":      o.Filter.String(),
		"fundscope.dictionary":  "DICTIONARY.md and datapackage.json beside this folder",
		"fundscope.units":       "amount_yuan: yuan (integer); amount_wan: 10,000 yuan (exact decimal)",
	}
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var kv []string
	for _, k := range keys {
		kv = append(kv, literal(k)+": "+literal(meta[k]))
	}
	opts := "FORMAT parquet, KV_METADATA {" + strings.Join(kv, ", ") + "}"
	if table != "line_items" {
		path := filepath.Join(dir, table+".parquet")
		return []string{table + ".parquet"}, execSQL(ctx, conn, "COPY "+staged+" TO "+literal(path)+" ("+opts+")")
	}
	// Hive partitions on ASCII keys (GB/T 2260 codes, year): province_code=330000/city_code=330100/year=2024/.
	target := filepath.Join(dir, table)
	if err := execSQL(ctx, conn, "COPY "+staged+" TO "+literal(target)+" ("+opts+", PARTITION_BY (province_code, city_code, year))"); err != nil {
		return nil, err
	}
	var files []string
	err := filepath.Walk(target, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(p, ".parquet") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(files)
	return files, err
}
