package ssda903

import "testing"

// swBreaks break each social worker episode rule of goodReturn, whose
// child A1 had SW123 from before the year to 1 June 2025 and SW456 from
// then on.
var swBreaks = map[string]func(r, last *Return){
	"SW01aSTG1": func(r, last *Return) { sw(r, 0).Set("SW_DECOM", "01/01/2023"); sw(r, 0).Set("SW_ID", "") },
	"SW01bSTG1": func(r, last *Return) { sw(r, 1).Set("SW_REASON", "") },
	"SW04STG1":  func(r, last *Return) { sw(r, 0).Set("SW_DECOM", "2025-02-10") },
	"SW05STG1":  func(r, last *Return) { sw(r, 0).Set("SW_DEC", "1/6/25") },
	"SW06STG2":  func(r, last *Return) { sw(r, 1).Set("SW_DECOM", "01/04/2026") },
	"SW07STG2":  func(r, last *Return) { sw(r, 0).Set("SW_DEC", "01/04/2026") },
	"SW08STG2":  func(r, last *Return) { sw(r, 0).Set("SW_DEC", "") },
	"SW09STG2":  func(r, last *Return) { sw(r, 0).Set("SW_DEC", "10/02/2025") },
	"SW10STG2":  func(r, last *Return) { sw(r, 1).Set("SW_DECOM", "20/06/2025") },
	"SW11bSTG2": func(r, last *Return) { sw(r, 1).Set("SW_DEC", "01/03/2026") },
	"SW12STG2":  func(r, last *Return) { sw(r, 0).Set("SW_DECOM", "02/04/2025") },
	"SW13STG1":  func(r, last *Return) { sw(r, 1).Set("SW_REASON", "LEFT") },
	"SW17STG2":  func(r, last *Return) { sw(r, 1).Set("SW_DEC", "31/03/2026") },
}

func init() {
	for code, brk := range swBreaks {
		breaks[code] = brk
	}
}

// sw is the values of the i-th social worker episode of r.
func sw(r *Return, i int) *Row { return row(r, SWEpisodes, i) }

// TestSWReadings checks the readings chosen where the rules leave room:
// SW12STG2 is only for a child looked after on 31 March; SW10STG2 lets a
// first contact start after a gap; SW13STG1 lets the first episode of the
// year go without a reason; SW11bSTG2 is met by a later episode.
func TestSWReadings(t *testing.T) {
	fails := func(r *Return, code string) bool {
		for _, f := range Validate(r, &Context{Year: 2026}) {
			if f.Code == code {
				return true
			}
		}
		return false
	}
	r := goodReturn()
	row(r, Episodes, 1).Set("DEC", "01/10/2025")
	row(r, Episodes, 1).Set("REC", "E4A")
	sw(r, 1).Set("SW_DEC", "01/10/2025")
	r.Files[SWEpisodes] = r.Files[SWEpisodes][:1]
	sw(r, 0).Set("SW_DECOM", "02/04/2025")
	if fails(r, "SW12STG2") {
		t.Error("SW12STG2 applied to a child who left care in the year")
	}
	r = goodReturn()
	sw(r, 1).Set("SW_DECOM", "20/06/2025")
	sw(r, 1).Set("SW_REASON", "FCONTA")
	if fails(r, "SW10STG2") {
		t.Error("SW10STG2 failed a first contact after a gap")
	}
	r = goodReturn()
	sw(r, 0).Set("SW_REASON", "")
	if fails(r, "SW13STG1") {
		t.Error("SW13STG1 failed the first episode of the year for want of a reason")
	}
	sw(r, 1).Set("SW_REASON", "")
	if !fails(r, "SW13STG1") {
		t.Error("SW13STG1 passed a later episode without a reason")
	}
	r = goodReturn()
	if sw(r, 0).Get("SW_DEC") == "" || fails(r, "SW11bSTG2") {
		t.Error("SW11bSTG2 failed an episode followed by another")
	}
}
