// Command fundscope loads Chinese cities' funding catalogs into DuckDB and
// compares them. The commands here only parse flags and call the packages.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := newRoot().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "fundscope: "+err.Error())
		os.Exit(exitCode(err))
	}
}
