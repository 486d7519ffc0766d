package ssda903

import "slices"

// Code lists of 2025 to 2026, from schema/SSDA903_schema_2026_resolved.yml
// (liia-tools-pipeline, MIT) except where said.
var (
	sexCodes    = []string{"M", "F", "U"}
	ethnicCodes = []string{"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN",
		"ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}
	rneCodes = []string{"S", "L", "P", "T", "B", "U"}
	// moveRNEs are the reasons for a new episode that change the placement:
	// the episode before records why (REASON_PLACE_CHANGE, rule 225).
	moveRNEs = []string{"P", "B", "T", "U"}
	lsCodes  = []string{"C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"}
	cinCodes = []string{"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}
	// placeCodes is the validator's rule 146 for 2025 to 2026: Z1 is gone,
	// replaced by Z11–Z14.
	placeCodes = []string{"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
		"T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}
	providerCodes = []string{"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}
	recCodes      = []string{"X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
		"E5", "E6", "E7", "E9", "E14", "E15", "E16", "E17", "E8"}
	placeChangeCodes = []string{"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
		"PLACE", "CUSTOD", "OTHER"}
	reviewCodes      = []string{"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}
	missingCodes     = []string{"M", "A"}
	inTouchCodes     = []string{"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}
	activCodes       = []string{"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}
	accomCodes       = []string{"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S1", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X1", "X2", "Y1", "Y2", "Z1", "Z2", "0"}
	reasonCeasedCode = []string{"RD1", "RD2", "RD3", "RD4"}
	prevPermCodes    = []string{"P1", "P2", "P3", "P4", "Z1"}
	sexAdoptrCodes   = []string{"M1", "F1", "MM", "FF", "MF"}
	lsAdoptrCodes    = []string{"L0", "L11", "L12", "L2", "L3", "L4"}
	sdqReasonCodes   = []string{"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}
	flagCodes        = []string{"0", "1"}
	swReasonCodes    = []string{"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"}

	// temporaryPlaces are the T placements: no provider (rule 213) and no
	// reason for a change (rule 226).
	temporaryPlaces = []string{"T0", "T1", "T2", "T3", "T4"}
	// zPlaces are the "other placements" of 2025 to 2026: no provider.
	zPlaces = []string{"Z11", "Z12", "Z13", "Z14"}
)

func in(codes []string, c string) bool { return slices.Contains(codes, c) }

// codeLists are the columns whose values come from a list, by file, for
// the reader: a value outside its list is refused on import.
var codeLists = map[string]map[string][]string{
	Header: {"SEX": sexCodes, "ETHNIC": ethnicCodes, "MOTHER": flagCodes},
	Episodes: {"RNE": rneCodes, "LS": lsCodes, "CIN": cinCodes, "PLACE": placeCodes, "PLACE_PROVIDER": providerCodes,
		"REC": recCodes, "REASON_PLACE_CHANGE": placeChangeCodes},
	Reviews: {"REVIEW_CODE": reviewCodes},
	UASC:    {"SEX": sexCodes},
	OC2: {"SDQ_REASON": sdqReasonCodes, "CONVICTED": flagCodes, "HEALTH_CHECK": flagCodes, "IMMUNISATIONS": flagCodes,
		"TEETH_CHECK": flagCodes, "HEALTH_ASSESSMENT": flagCodes, "SUBSTANCE_MISUSE": flagCodes,
		"INTERVENTION_RECEIVED": flagCodes, "INTERVENTION_OFFERED": flagCodes},
	OC3:            {"IN_TOUCH": inTouchCodes, "ACTIV": activCodes, "ACCOM": accomCodes},
	AD1:            {"FOSTER_CARE": flagCodes, "SEX_ADOPTR": sexAdoptrCodes, "LS_ADOPTR": lsAdoptrCodes},
	PlacedAdoption: {"REASON_PLACED_CEASED": reasonCeasedCode},
	PrevPerm:       {"PREV_PERM": prevPermCodes},
	Missing:        {"MISSING": missingCodes},
	SWEpisodes:     {"SW_REASON": swReasonCodes},
}

// dateColumns are the columns holding dd/mm/yyyy dates.
var dateColumns = map[string]bool{"DOB": true, "MC_DOB": true, "DECOM": true, "DEC": true, "REVIEW": true,
	"DUC": true, "DATE_INT": true, "DATE_MATCH": true, "DATE_PLACED": true, "DATE_PLACED_CEASED": true,
	"MIS_START": true, "MIS_END": true, "SW_DECOM": true, "SW_DEC": true}

// required are the columns that may not be blank (canbeblank: false).
var required = map[string]bool{"CHILD": true, "DOB": true, "SEX": true, "ETHNIC": true, "UPN": true,
	"DECOM": true, "RNE": true, "LS": true, "CIN": true, "PLACE": true, "REVIEW": true, "REVIEW_CODE": true,
	"IN_TOUCH": true, "ACTIV": true, "ACCOM": true, "DATE_PLACED": true, "PREV_PERM": true, "MISSING": true,
	"MIS_START": true, "SW_ID": true, "SW_DECOM": true}
