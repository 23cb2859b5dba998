// Command fundscope loads Chinese cities' funding catalogs into DuckDB and
// compares them. It only wires the process to package command.
package main

import (
	"fmt"
	"os"

	"fundscope/cmdutil"
	"fundscope/command"
)

func main() {
	f := &cmdutil.Factory{IO: cmdutil.System()}
	if err := command.NewCmdRoot(f).Execute(); err != nil {
		fmt.Fprintln(f.IO.ErrOut, "fundscope: "+err.Error())
		os.Exit(cmdutil.ExitCode(err))
	}
}
