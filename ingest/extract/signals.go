package extract

import (
	"fmt"
	"sort"
)

// Signal is one piece of evidence the confidence of a reading was taken
// from: a named rule, how much it moved the confidence, and what it saw.
type Signal struct {
	Rule   string  `json:"rule"`
	Effect float64 `json:"effect"`
	Detail string  `json:"detail"`
	// Item is the item the signal is about, from 1; 0 for the document.
	Item int `json:"item,omitempty"`
}

// Signals are a reading's evidence.
type Signals []Signal

// Weakest names the rules that lowered the confidence most, strongest
// effect first, each once with how often it fired: name-funding-verb ×3.
func (s Signals) Weakest(n int) []string {
	count := map[string]int{}
	effect := map[string]float64{}
	var order []string
	for _, x := range s {
		if x.Effect >= 1 {
			continue
		}
		if count[x.Rule] == 0 {
			order = append(order, x.Rule)
			effect[x.Rule] = 1
		}
		count[x.Rule]++
		effect[x.Rule] *= x.Effect
	}
	sort.SliceStable(order, func(i, j int) bool { return effect[order[i]] < effect[order[j]] })
	var out []string
	for _, r := range order[:min(n, len(order))] {
		if count[r] > 1 {
			r = fmt.Sprintf("%s ×%d", r, count[r])
		}
		out = append(out, r)
	}
	return out
}

// OnItem is the signals about item i (from 1).
func (s Signals) OnItem(i int) Signals {
	var out Signals
	for _, x := range s {
		if x.Item == i {
			out = append(out, x)
		}
	}
	return out
}

// Names lists the rules with their details, for a report line.
func (s Signals) Names() []string {
	var out []string
	for _, x := range s {
		out = append(out, x.Rule+" ("+x.Detail+")")
	}
	return out
}
