package extract

// Signal is one piece of evidence the confidence of a reading was taken
// from: a named rule, how much it moved the confidence, and what it saw.
type Signal struct {
	Rule   string  `json:"rule"`
	Effect float64 `json:"effect"`
	Detail string  `json:"detail"`
}

// Signals are a reading's evidence.
type Signals []Signal

// Names lists the rules with their details, for a report line.
func (s Signals) Names() []string {
	var out []string
	for _, x := range s {
		out = append(out, x.Rule+" ("+x.Detail+")")
	}
	return out
}
