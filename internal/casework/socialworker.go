package casework

import "time"

// WorkerAllocation is one row of the allocation history of a child's
// involvement (not entered in error): who held it from StartDate until
// EndDate, and why it began. The SSDA903 return makes its social worker
// episodes from these; the store loads them only for that return
// (store.CareCaseFiles), so other readers of a case file do not pay for
// them.
type WorkerAllocation struct {
	InvolvementID int64
	WorkerID      *int64 // nil: the case waited for a worker
	SWENo         string // the worker's Social Work England number, "" when not recorded
	WorkerLeft    *time.Time
	StartDate     time.Time
	EndDate       *time.Time // nil while it lasts
	ReasonCode    string     // why, as a code of SocialWorkerReasons; "" for a record made before the code was kept
	Reason        string     // why the allocation began, as written (free text: a note beside the code)
}

// socialWorkerReasons are why a case changes hands, the SSDA903
// SWEpisodes SW_REASON codes (DfE children looked after return 2025 to
// 2026; validator rule SW13STG1 lists the codes), in the DfE's order, with
// what each means in plain words. The return writes the code of every
// social worker episode; the allocation form asks for one.
var socialWorkerReasons = []Code{
	{"MANAGE", "Managing caseloads"},
	{"FCONTA", "First contact or re-referral"},
	{"LEFTRL", "The previous social worker left the role"},
	{"ORGRST", "New social worker after an organisational restructure"},
	{"TSPROC", "Transfer under the standard process"},
	{"ABSENC", "Absence cover or return from absence"},
	{"CHCHAN", "The child asked for a change of social worker"},
	{"PCCHAN", "A parent or carer asked for a change of social worker"},
	{"SWDIED", "The previous social worker died"},
	{"OTHERS", "Other"},
}

// SocialWorkerReasons returns why a case may change hands (SW_REASON).
func SocialWorkerReasons() []Code { return append([]Code(nil), socialWorkerReasons...) }

// ValidSocialWorkerReason reports whether s is an SW_REASON code.
func ValidSocialWorkerReason(s string) bool { return inCodes(socialWorkerReasons, s) }
