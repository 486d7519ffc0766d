package casework_test

import (
	"testing"

	"sightline/internal/casework"
)

func TestUPNCheckLetter(t *testing.T) {
	// CIN rule 1510: the letter is table[Σ value×weight mod 23] over
	// characters 2–13 weighted 2–13, table = A–Z less I, O and S; a final
	// letter (temporary UPN) takes its index in the table as its value.
	cases := map[string]byte{
		"123456789012": 'A', // the DfE's own example UPN, A123456789012: Σ = 368 = 16×23
		"000000000000": 'A', // Σ 0
		"000000000001": 'P', // 1×13 = 13 → P
		"100000000000": 'C', // 1×2 = 2 → C
		"000000000009": 'C', // 9×13 = 117 ≡ 2 → C
		"00000000000B": 'P', // B counts 1, weight 13 → P
		"1234567890":   0,   // too short
		"12345678901I": 0,   // I is not a UPN letter
		"1234567890X1": 0,   // a letter only in the last place
	}
	for rest, want := range cases {
		if got := casework.UPNCheckLetter(rest); got != want {
			t.Errorf("UPNCheckLetter(%q) = %q, want %q", rest, got, want)
		}
	}
}

func TestCheckUPN(t *testing.T) {
	good := string(casework.UPNCheckLetter("820200100001")) + "820200100001"
	temp := string(casework.UPNCheckLetter("82020010000A")) + "82020010000A"
	wrong := "B820200100001"
	if good[0] == 'B' {
		wrong = "C820200100001"
	}
	for _, tc := range []struct {
		name, upn string
		ok        bool
	}{
		{"a permanent UPN with the right check letter", good, true},
		{"a temporary UPN ending in a letter", temp, true},
		{"spaces and lower case are tidied", " " + string(good[0]+32) + good[1:5] + " " + good[5:], true},
		{"rule 1510: wrong check letter", wrong, false},
		{"rule 1540: letters in characters 5-12", good[:6] + "X" + good[7:], false},
		{"rule 1550: character 13 may not be I, O or S", string(casework.UPNCheckLetter("82020010000A")) + "82020010000I", false},
		{"too short", good[:12], false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := casework.CheckUPN(tc.upn); (err == nil) != tc.ok {
				t.Errorf("CheckUPN(%q) = %v, want ok=%v", tc.upn, err, tc.ok)
			}
		})
	}
}

func TestCheckNHSNumber(t *testing.T) {
	for _, tc := range []struct {
		name, n string
		ok      bool
	}{
		{"the NHS Data Dictionary example", "943 476 5919", true},
		{"without spaces", "9434765919", true},
		{"a wrong check digit", "9434765918", false},
		{"check digit 10 is never valid", "0000200000", false}, // Σ = 2×6 = 12 ≡ 1 → 10
		{"nine digits", "943476591", false},
		{"letters", "94347659AB", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := casework.CheckNHSNumber(tc.n); (err == nil) != tc.ok {
				t.Errorf("CheckNHSNumber(%q) = %v, want ok=%v", tc.n, err, tc.ok)
			}
		})
	}
}

func TestCheckLAChildID(t *testing.T) {
	for _, tc := range []struct {
		id string
		ok bool
	}{
		{"DEMO0001", true}, {"", false}, {"ABCDEFGHIJ0123456789", true},
		{"ABCDEFGHIJ01234567890", false}, // rule 1570: over 20 characters
		{"AB-123", false},                // rule 1580: not alphanumeric
		{"ÄB123", false},
	} {
		if err := casework.CheckLAChildID(tc.id); (err == nil) != tc.ok {
			t.Errorf("CheckLAChildID(%q) = %v, want ok=%v", tc.id, err, tc.ok)
		}
	}
}

// FuzzIdentifiers: no identifier typed or imported can panic the checks,
// and a UPN that passes is 13 characters once normalised.
func FuzzIdentifiers(f *testing.F) {
	for _, s := range []string{"A820200100001", "943 476 5919", "", "ÿÿÿ", "a-b c", "0000000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if casework.CheckUPN(s) == nil && len(casework.NormaliseIdentifier(s)) != 13 {
			t.Errorf("CheckUPN accepted %q", s)
		}
		if casework.CheckNHSNumber(s) == nil && len(casework.NormaliseIdentifier(s)) != 10 {
			t.Errorf("CheckNHSNumber accepted %q", s)
		}
		_ = casework.CheckLAChildID(s)
		_ = casework.UPNCheckLetter(s)
	})
}
