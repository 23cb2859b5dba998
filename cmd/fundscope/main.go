// Command fundscope loads Chinese cities' funding catalogs into DuckDB and
// compares them. It only wires the process to package command.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"fundscope/cmdutil"
	"fundscope/command"
)

func main() {
	os.Exit(run())
}

// run executes the command line. Ctrl-C or SIGTERM cancels the command's
// context: running SQL stops, temporary files are removed by the code that
// made them, and nothing half-written replaces an earlier output. A second
// signal ends the process at once.
func run() int {
	if path := os.Getenv("FUNDSCOPE_CPUPROFILE"); path != "" {
		// a developer's aid: where a slow command spends its CPU (go tool pprof)
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the next signal takes the default action
	}()
	f := &cmdutil.Factory{IO: cmdutil.System()}
	cmd, err := command.NewCmdRoot(f).ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	if ctx.Err() != nil {
		fmt.Fprintln(f.IO.ErrOut, "fundscope: interrupted: the step under way was rolled back or discarded, nothing half-written was left ("+err.Error()+")")
		return 130
	}
	code := cmdutil.ExitCode(err)
	err = cmdutil.ExplainOutOfMemory(err, f.MemoryLimit)
	fmt.Fprintln(f.IO.ErrOut, "fundscope: "+err.Error())
	if code == cmdutil.ExitUsage && cmd != nil {
		fmt.Fprintf(f.IO.ErrOut, "usage: %s (see %s --help)\n", command.UsageLine(cmd), cmd.CommandPath())
	}
	return code
}
