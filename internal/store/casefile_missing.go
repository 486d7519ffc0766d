package store

import "sightline/internal/casework"

// missingCourtParts load the missing, exploitation and court records of a
// case file, one query per table like the rest of caseFileParts.
var missingCourtParts = []partLoader{
	part("missing_episodes", missingColumns, "start_date, id", scanMissing,
		func(e casework.MissingEpisode) int64 { return e.ChildID },
		func(cf *casework.CaseFile, e casework.MissingEpisode) { cf.Missing = append(cf.Missing, e) }),
	part("return_interviews", interviewColumns, "offered_on, id", scanInterview,
		func(ri casework.ReturnInterview) int64 { return ri.ChildID },
		func(cf *casework.CaseFile, ri casework.ReturnInterview) { cf.Interviews = append(cf.Interviews, ri) }),
	part("exploitation_screenings", screeningColumns, "screened_on, id", scanScreening,
		func(s casework.ExploitationScreening) int64 { return s.ChildID },
		func(cf *casework.CaseFile, s casework.ExploitationScreening) {
			cf.Screenings = append(cf.Screenings, s)
		}),
	part("pre_proceedings", ploColumns, "start_date, id", scanPLO,
		func(p casework.PreProceedings) int64 { return p.ChildID },
		func(cf *casework.CaseFile, p casework.PreProceedings) { cf.PLOs = append(cf.PLOs, p) }),
	part("plo_events", ploEventColumns, "held_on, id", scanPLOEvent,
		func(e casework.PLOEvent) int64 { return e.ChildID },
		func(cf *casework.CaseFile, e casework.PLOEvent) { cf.PLOEvents = append(cf.PLOEvents, e) }),
	part("proceedings", proceedingsColumns, "issued_on, id", scanProceedings,
		func(p casework.Proceedings) int64 { return p.ChildID },
		func(cf *casework.CaseFile, p casework.Proceedings) { cf.Proceedings = append(cf.Proceedings, p) }),
	part("hearings", hearingColumns, "held_on, id", scanHearing,
		func(h casework.Hearing) int64 { return h.ChildID },
		func(cf *casework.CaseFile, h casework.Hearing) { cf.Hearings = append(cf.Hearings, h) }),
	part("proceedings_extensions", extensionColumns, "granted_on, id", scanExtension,
		func(e casework.ProceedingsExtension) int64 { return e.ChildID },
		func(cf *casework.CaseFile, e casework.ProceedingsExtension) { cf.Extensions = append(cf.Extensions, e) }),
}
