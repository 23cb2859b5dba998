// Package model is fundscope's root vocabulary: a catalog (one source
// document), its line items, the totals it states about itself, amounts as
// printed, and where in the source each came from. Every layer may import it;
// it imports nothing of fundscope.
package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Catalog is one manifest entry: the facts about a source document that the
// document itself does not state reliably.
type Catalog struct {
	CatalogID string  `json:"catalog_id"`
	Title     string  `json:"title"`
	Publisher string  `json:"publisher"`
	Province  string  `json:"province"`
	City      string  `json:"city"`
	District  *string `json:"district"`
	AdminCode string  `json:"admin_code"`
	Level     string  `json:"level"`
	Year      int     `json:"year"`
	Published *string `json:"published"`
	Layout    string  `json:"layout"`
	File      string  `json:"file"`
	Synthetic bool    `json:"synthetic,omitempty"`
	// Phase: what the document's amounts are (budgeted, approved, contracted,
	// paid); empty = inferred from the title (facts.Phase).
	Phase string `json:"phase,omitempty"`
	// Review says who vouches for the figures (ReviewRead when empty).
	Review string `json:"review,omitempty"`
}

// How a catalog's figures came to be trusted. An unreviewed reading is
// loaded only when a person asks for it (ingest --accept), and is never
// summed with the others without saying so.
const (
	ReviewRead       = "read"       // a layout written for the document, or a confident generic reading
	ReviewUnreviewed = "unreviewed" // a reading below the confidence threshold, loaded as it is
	ReviewReviewed   = "reviewed"   // entered or corrected by a person (a template or a corrected draft)
)

// Phases an amount can be in. Totals never add amounts of different phases:
// a budget and the payments made from it are the same money twice.
const (
	PhaseBudgeted   = "budgeted"   // 预算, 目录, 实施方案: planned or offered
	PhaseApproved   = "approved"   // 批复, 立项, 拟资助: projects chosen
	PhaseContracted = "contracted" // 中标, 成交: a price agreed
	PhasePaid       = "paid"       // 拨付, 执行, 使用情况: money paid out
	PhaseUnknown    = "unknown"
)

// Phases lists the phases in the order money moves through them.
var Phases = []string{PhaseBudgeted, PhaseApproved, PhaseContracted, PhasePaid, PhaseUnknown}

// IsPhase tells whether p is one of Phases.
func IsPhase(p string) bool { return slices.Contains(Phases, p) }

// Levels of government a catalog's publisher may sit at.
var Levels = []string{"national", "province", "city", "district", "county", "street"}

// Validate checks the facts every catalog must have (the manifest also checks
// that a reader of its layout is registered).
func (c Catalog) Validate() error {
	switch {
	case c.CatalogID == "" || strings.ContainsAny(c.CatalogID, " #/"):
		return fmt.Errorf("catalog_id must be a non-empty slug without spaces, '#' or '/'")
	case c.Title == "", c.Publisher == "", c.Province == "":
		return fmt.Errorf("title, publisher and province are required")
	case c.City == "" && c.Level != "province" && c.Level != "national":
		return fmt.Errorf("city is required below province level")
	case len(c.AdminCode) != 6 || strings.Trim(c.AdminCode, "0123456789") != "":
		return fmt.Errorf("admin_code %q is not a 6-digit GB/T 2260 code", c.AdminCode)
	case !slices.Contains(Levels, c.Level):
		return fmt.Errorf("level %q must be one of %s", c.Level, strings.Join(Levels, ", "))
	case c.Year < 1990 || c.Year > 2100:
		return fmt.Errorf("year %d is out of range", c.Year)
	case c.File == "":
		return fmt.Errorf("file is required")
	case c.Phase != "" && !IsPhase(c.Phase):
		return fmt.Errorf("phase %q must be one of %s", c.Phase, strings.Join(Phases, ", "))
	}
	return nil
}

// Amount kinds.
const (
	KindFixed   = "fixed"
	KindCap     = "cap"
	KindActuals = "actuals"
	KindUnknown = "unknown"
	// KindDerived: one amount the document states for several items (各56万元).
	KindDerived = "derived"
	// KindApprox: a figure printed as approximate (约2.3亿, 4.1亿多元).
	KindApprox = "approx"
)

// LineItem is one fundable row of a document, as printed.
type LineItem struct {
	ItemID      string
	ItemNo      string // printed number (序号), "" when the row has none
	SubNo       int    // 0 when the layout has no sub-rows
	Code        string // printed project code (项目编号), "" when none
	Name        string
	AltName     string // the name the item has elsewhere in the document (summary vs form)
	GroupName   string // 大项目 the item belongs to, where printed
	Description string
	Section     string // table or heading the item sits under
	SourceCat   string // category as printed
	Purchaser   string
	// Organization receives the money (承接/申报/中标/实施单位), "" when not named.
	Organization string
	// OrganizationCode is its 统一社会信用代码 when the document prints one.
	OrganizationCode string
	TargetGroup      string
	RegionText       string
	RegionLine       int
	FundingText      string
	FundingLine      int
	Amount           Amount
	Year             int    `json:",omitempty"` // the year the money is for where the document says so per item (a column per year); 0: the catalog's year
	PeriodStart      string // YYYY-MM-DD or ""
	PeriodEnd        string
	LineStart        int
	LineEnd          int
	DetailStart      int // release form or prose that details the item, 0 when none
	DetailEnd        int
	// SourceLocation is where the item is in a structured source, in its own
	// terms ("table 1 rows 3–4", "sheet 项目 A5:F5"); "" for text sources.
	SourceLocation string
}

// Metrics a stated total can speak of.
const (
	MetricAmount = "amount_yuan" // sum of amount_yuan over the scope
	MetricItems  = "items"       // number of line items in the scope
	MetricGroups = "groups"      // number of distinct group_name in the scope
	MetricUnits  = "units"       // number of distinct purchasers in the scope
)

// StatedTotal is a figure a document states about itself, with the items it covers.
type StatedTotal struct {
	Label  string
	Kind   string // document_total | pool | crosscheck
	Metric string
	Stated int64
	Scope  []string // item ids
	Line   int
	Text   string
	// SourceLocation is where the figure is printed in a structured source.
	SourceLocation string
	// Low and High bound an approximate figure (约2.3亿: ±100万; 80余万:
	// 80万 up to 90万); nil when the figure is exact.
	Low, High *int64
	// Rule is the id of the lexicon rule that read the figure as a total
	// (total-row-grand, total-restated …), "" when the reader's structure did.
	Rule string
}

// Warning is something odd about a line that did not stop the ingest.
type Warning struct {
	Line     int
	Message  string
	Location string // in a structured source: where, in its own terms
}

// Parsed is what a layout reader makes of one document.
type Parsed struct {
	Items    []LineItem
	Totals   []StatedTotal
	Warnings []Warning
	// Unread lists the amount-looking spans no item or total used.
	Unread []Unread
	// Confidence (0–1) is how sure a generic reader is of its reading; a
	// layout written for the document leaves it 0.
	Confidence float64
}

// Unread is an amount-looking span that no line item or stated total used,
// with the reason when a rule set it aside.
type Unread struct {
	Text     string `json:"text"`
	Line     int    `json:"line"`
	Location string `json:"location"`
	Reason   string `json:"reason"`
}

// ParseError names the file and line where a document stopped fitting its layout.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Amount is a money figure as a document prints it, parsed exactly.
type Amount struct {
	Yuan        *int64 // nil when the document states no amount (never 0 for "missing")
	Text        string // as printed
	Kind        string // fixed | cap | actuals | unknown
	TaxIncluded *bool  // nil when not stated
}

// foldsInWidth: the runes width.Fold changes, the ideographic space and the
// halfwidth and fullwidth forms block (a test checks every other rune is
// its own fold).
func foldsInWidth(r rune) bool { return r == '\u3000' || r >= 0xFF00 && r <= 0xFFEF }

// Normalize folds full-width digits, letters and punctuation to ASCII and
// removes all white space (documents break numbers and notes with spaces).
// Readers match on the normalized text and keep the printed text.
func Normalize(s string) string {
	folds, spaces := false, false
	for _, r := range s {
		switch {
		case foldsInWidth(r):
			folds = true
		case unicode.IsSpace(r) || r == '\u00a0':
			spaces = true
		}
	}
	if folds {
		s = width.Fold.String(s)
	} else if !spaces {
		return s // most text: nothing to fold, nothing to remove
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}
