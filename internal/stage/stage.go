// Package stage makes the hidden folders where a command writes its outputs
// before moving them into place, and removes the ones a killed command left
// behind. Each stage holds an owner file with the process id that made it:
// a stage whose owner is no longer running is stale, whatever its age.
package stage

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ownerFile names the file in a stage that holds its maker's process id.
const ownerFile = ".owner"

// orphanAge is how old a stage without an owner file (killed between making
// the folder and writing the file) must be before it counts as stale.
const orphanAge = 10 * time.Minute

// Prefix is the name every stage of kind starts with (".fundscope-report-").
func Prefix(kind string) string { return ".fundscope-" + kind + "-" }

// New removes the stale stages of kind in dir, then makes a new one there
// (dir is made if missing) owned by this process.
func New(dir, kind string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	RemoveStale(dir, kind)
	s, err := os.MkdirTemp(dir, Prefix(kind))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(s, ownerFile), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		os.RemoveAll(s)
		return "", err
	}
	return s, nil
}

// RemoveStale removes the stages of kind in dir whose owner is not running,
// and returns how many it removed. Stages of other kinds, and everything
// else in dir, are left alone.
func RemoveStale(dir, kind string) int {
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), Prefix(kind)) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if stale(p) && os.RemoveAll(p) == nil {
			n++
		}
	}
	return n
}

func stale(stage string) bool {
	b, err := os.ReadFile(filepath.Join(stage, ownerFile))
	if err != nil {
		info, err := os.Stat(stage)
		return err == nil && time.Since(info.ModTime()) > orphanAge
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return true
	}
	return !running(pid)
}

// running tells whether a process of that id exists (signal 0 checks
// without sending anything; EPERM means it exists under another user).
func running(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
