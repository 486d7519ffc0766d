package casework

import (
	"math"
	"time"
)

// Workforce figures are pure functions of the dated register, so they can
// be worked out as at any date. Rates follow the national definitions
// that reproduce DfE's published England figures (workforce-census.md
// §5.3): "in post" means LA-employed (permanent, fixed-term, seconded);
// agency and consultancy workers are counted apart.

// WorkingDays counts working days in (a, b]; *calendar.Calendar has it.
type WorkingDays interface {
	WorkingDaysBetween(a, b time.Time) int
}

// workingDaysIn counts the working days from from to to, both included.
func workingDaysIn(wd WorkingDays, from, to time.Time) int {
	if to.Before(from) {
		return 0
	}
	return wd.WorkingDaysBetween(from.AddDate(0, 0, -1), to)
}

// Ratio is a rate with the two numbers it is made of, so a page can show
// "4,276.3 of 36,186.3" beside "11.8%".
type Ratio struct{ Num, Den float64 }

// Defined reports whether the rate has a denominator.
func (r Ratio) Defined() bool { return r.Den > 0 }

// Percent is the rate as a percentage, 0 when undefined.
func (r Ratio) Percent() float64 {
	if !r.Defined() {
		return 0
	}
	return 100 * r.Num / r.Den
}

// TurnoverRate is DfE's turnover: FTE leavers in the year ÷ FTE in post at
// the end of it (England 2025: 4,276.3 / 36,186.3 = 11.8%).
func TurnoverRate(leaversFTE, inPostFTE float64) Ratio { return Ratio{leaversFTE, inPostFTE} }

// AgencyRate is DfE's agency rate: agency FTE ÷ (agency FTE + FTE in post)
// (England 2025: 5,415.9 / 41,602.2 = 13.0%).
func AgencyRate(agencyFTE, inPostFTE float64) Ratio {
	return Ratio{agencyFTE, agencyFTE + inPostFTE}
}

// VacancyRate is DfE's vacancy rate: vacant FTE ÷ (vacant FTE + FTE in
// post) (England 2025: 5,965.4 / 42,151.7 = 14.2%).
func VacancyRate(vacancyFTE, inPostFTE float64) Ratio {
	return Ratio{vacancyFTE, vacancyFTE + inPostFTE}
}

// AbsenceRate is the sickness absence rate: FTE working days lost to
// sickness ÷ (FTE in post × working days in the period). DfE's day-count
// denominator is not confirmed (its 2025 figures imply about 255); sightline
// uses the working days of the period from the calendar.
func AbsenceRate(daysLost, inPostFTE float64, workingDays int) Ratio {
	return Ratio{daysLost, inPostFTE * float64(workingDays)}
}

// HeadcountTurnover is turnover as issue 8 words it: leavers in the 12
// months (people) ÷ average headcount over the 12 months.
func HeadcountTurnover(leavers int, averageHeadcount float64) Ratio {
	return Ratio{float64(leavers), averageHeadcount}
}

// StabilityRate is the share of permanent staff in post a year ago who
// are still in post.
func StabilityRate(stayed, yearAgo int) Ratio { return Ratio{float64(stayed), float64(yearAgo)} }

// Stock is the workforce on one day.
type Stock struct {
	Headcount       int     // LA-employed staff in post
	FTE             float64 // their FTE: "FTE in post"
	AgencyHeadcount int
	AgencyFTE       float64
	FundedFTE       float64 // FTE of the posts funded that day
	VacancyFTE      float64 // funded FTE no LA-employed worker fills
	AgencyCoverFTE  float64 // agency FTE in vacant posts, up to the vacancy
}

// AgencyRate is the stock's DfE agency rate.
func (s Stock) AgencyRate() Ratio { return AgencyRate(s.AgencyFTE, s.FTE) }

// VacancyRate is the stock's DfE vacancy rate.
func (s Stock) VacancyRate() Ratio { return VacancyRate(s.VacancyFTE, s.FTE) }

// StockOn counts the workforce on day d. A post's vacancy is its FTE less
// the FTE of LA-employed workers holding it that day (never below 0); an
// agency worker in a post covers the vacancy but does not fill it, as in
// the census.
func (r Register) StockOn(d time.Time) Stock {
	var s Stock
	filled, agency := map[int64]float64{}, map[int64]float64{}
	for _, w := range r.Staff {
		if !w.ActiveOn(d) {
			continue
		}
		held := filled
		if w.IsAgency() {
			s.AgencyHeadcount++
			s.AgencyFTE += w.FTE
			held = agency
		} else {
			s.Headcount++
			s.FTE += w.FTE
		}
		if w.PostID != nil {
			held[*w.PostID] += w.FTE
		}
	}
	for _, p := range r.Posts {
		if p.FundedOn(d) {
			vacant := max(0, round6(p.FTE-filled[p.ID]))
			s.FundedFTE += p.FTE
			s.VacancyFTE += vacant
			s.AgencyCoverFTE += min(vacant, agency[p.ID])
		}
	}
	s.FTE, s.AgencyFTE, s.FundedFTE = round6(s.FTE), round6(s.AgencyFTE), round6(s.FundedFTE)
	s.VacancyFTE, s.AgencyCoverFTE = round6(s.VacancyFTE), round6(s.AgencyCoverFTE)
	return s
}

// round6 keeps six decimal places (the census FTE precision), so that sums
// of FTEs such as 0.1 + 0.2 compare and print as people expect.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// Flows is what happened to the workforce from From to To, both included.
type Flows struct {
	From, To         time.Time
	Starters         int // LA-employed staff who started
	StartersFTE      float64
	Leavers          int // LA-employed staff whose last day fell in the period
	LeaversFTE       float64
	SicknessDaysLost float64 // FTE working days LA-employed staff lost to sickness
	WorkingDays      int     // working days in the period
	// AgencySpendPence is day rate × working days in post × FTE for every
	// agency worker; PermanentCostPence is what the same FTE for the same
	// time would cost at permanent pay (salary + on-costs, pro rata).
	AgencySpendPence   int64
	PermanentCostPence int64
	UncostedAgency     int // agency workers with no permanent salary to compare
}

// FlowsBetween works out the flows from from to to, both included.
func (r Register) FlowsBetween(from, to time.Time, wd WorkingDays) Flows {
	f := Flows{From: from, To: to, WorkingDays: workingDaysIn(wd, from, to)}
	f.Leavers, f.LeaversFTE = r.leaversBetween(from, to)
	byID := make(map[int64]*StaffRecord, len(r.Staff))
	for i := range r.Staff {
		w := &r.Staff[i]
		byID[w.ID] = w
		if !w.IsAgency() && within(w.StartDate, from, to) {
			f.Starters++
			f.StartersFTE += w.FTE
		}
	}
	f.StartersFTE = round6(f.StartersFTE)
	for _, a := range r.Absences {
		if w, ok := byID[a.WorkerID]; ok && a.Reason == AbsenceSickness && !w.IsAgency() {
			f.SicknessDaysLost += daysLostIn(a, *w, from, to, wd)
		}
	}
	f.SicknessDaysLost = math.Round(f.SicknessDaysLost*100) / 100
	r.agencyCosts(&f, wd)
	return f
}

func within(d, from, to time.Time) bool { return !d.Before(from) && !d.After(to) }

// leaversBetween counts LA-employed staff whose last day fell from from to to.
func (r Register) leaversBetween(from, to time.Time) (int, float64) {
	n, fte := 0, 0.0
	for _, w := range r.Staff {
		if !w.IsAgency() && w.EndDate != nil && within(*w.EndDate, from, to) {
			n++
			fte += w.FTE
		}
	}
	return n, round6(fte)
}

// servedIn is the part of [from, to] the worker was in post, and whether
// there was one.
func servedIn(w StaffRecord, from, to time.Time) (time.Time, time.Time, bool) {
	lo, hi := latest(from, w.StartDate), to
	if w.EndDate != nil && w.EndDate.Before(hi) {
		hi = *w.EndDate
	}
	return lo, hi, !hi.Before(lo)
}

func latest(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// daysLostIn is the FTE working days an absence cost from from to to.
// Days recorded by HR are shared across the absence by its working days;
// otherwise each working day away (while in post) costs the worker's FTE.
func daysLostIn(a Absence, w StaffRecord, from, to time.Time, wd WorkingDays) float64 {
	end := to
	if a.End != nil && a.End.Before(end) {
		end = *a.End
	}
	if a.DaysLost != nil && a.End != nil {
		total := workingDaysIn(wd, a.Start, *a.End)
		if total == 0 {
			if within(a.Start, from, to) {
				return *a.DaysLost
			}
			return 0
		}
		return *a.DaysLost * float64(workingDaysIn(wd, latest(a.Start, from), end)) / float64(total)
	}
	lo, hi, ok := servedIn(w, latest(a.Start, from), end)
	if !ok {
		return 0
	}
	return float64(workingDaysIn(wd, lo, hi)) * w.FTE
}

// daysPerYear is the pro-rata base of an annual salary: a salary is paid
// for every calendar day, leave and bank holidays included, so a
// permanent worker's cost for a period is salary × days ÷ 365.
const daysPerYear = 365

// agencyCosts adds each agency worker's spend in the period and, beside
// it, the permanent cost of the same FTE for the same time: at the
// salary and on-costs of the post they fill or, when they fill none (or
// it has no salary), at the average for permanent staff in the same role
// in post at the end of the period.
func (r Register) agencyCosts(f *Flows, wd WorkingDays) {
	posts := make(map[int64]Post, len(r.Posts))
	for _, p := range r.Posts {
		posts[p.ID] = p
	}
	roleRate := r.permanentPayByRole(f.To)
	for _, w := range r.Staff {
		if !w.IsAgency() {
			continue
		}
		lo, hi, ok := servedIn(w, f.From, f.To)
		if !ok {
			continue
		}
		days := workingDaysIn(wd, lo, hi)
		f.AgencySpendPence += int64(math.Round(float64(w.DayRatePence) * float64(days) * w.FTE))
		pay, ok := payFor(w, posts, roleRate)
		if !ok {
			f.UncostedAgency++
			continue
		}
		calendarDays := hi.Sub(lo).Hours()/24 + 1
		f.PermanentCostPence += int64(math.Round(pay * w.FTE * calendarDays / daysPerYear))
	}
}

// payFor is the full-time annual cost (salary + on-costs, pence) of
// permanent staff doing an agency worker's job.
func payFor(w StaffRecord, posts map[int64]Post, roleRate map[string]float64) (float64, bool) {
	if w.PostID != nil {
		if p, ok := posts[*w.PostID]; ok && p.SalaryPence > 0 {
			return float64(p.SalaryPence) * (1 + p.OnCostPct/100), true
		}
	}
	pay, ok := roleRate[w.OrgRole]
	return pay, ok
}

// permanentPayByRole is the mean full-time annual cost (salary +
// on-costs) of permanent staff with a salary in post on d, by census role.
func (r Register) permanentPayByRole(d time.Time) map[string]float64 {
	sum, n := map[string]float64{}, map[string]int{}
	for _, w := range r.Staff {
		if w.IsPermanent() && w.SalaryPence > 0 && w.ActiveOn(d) {
			sum[w.OrgRole] += float64(w.SalaryPence) * (1 + w.OnCostPct/100)
			n[w.OrgRole]++
		}
	}
	for role := range sum {
		sum[role] /= float64(n[role])
	}
	return sum
}

// Figures are the workforce as at a date with the flows of the 12 months
// to it (from the day after the same date a year before).
type Figures struct {
	AsAt time.Time
	Stock
	Flows
	Turnover          Ratio // DfE: FTE leavers ÷ FTE in post at AsAt
	AverageHeadcount  float64
	HeadcountTurnover Ratio // issue 8: leavers ÷ average headcount
	Stability         Ratio // permanent staff in post a year ago still in post
	Absence           Ratio // sickness days lost ÷ (FTE in post × working days)
}

// FiguresAt works out every figure as at day d.
func (r Register) FiguresAt(d time.Time, wd WorkingDays) Figures {
	yearAgo := addMonths(d, -12)
	f := Figures{AsAt: d, Stock: r.StockOn(d), Flows: r.FlowsBetween(yearAgo.AddDate(0, 0, 1), d, wd)}
	f.Turnover = TurnoverRate(f.LeaversFTE, f.FTE)
	f.AverageHeadcount = r.averageHeadcount(d)
	f.HeadcountTurnover = HeadcountTurnover(f.Leavers, f.AverageHeadcount)
	f.Stability = r.stability(yearAgo, d)
	f.Absence = AbsenceRate(f.SicknessDaysLost, f.FTE, f.WorkingDays)
	return f
}

// averageHeadcount is the mean of the headcount on d and on the same day
// of each of the 11 months before it: one count for each month of the 12.
func (r Register) averageHeadcount(d time.Time) float64 {
	var days [12]time.Time
	for k := range days {
		days[k] = addMonths(d, -k)
	}
	total := 0
	for i := range r.Staff {
		w := &r.Staff[i] // a record is large: not copied for each look
		if w.IsAgency() {
			continue
		}
		for _, on := range days {
			if w.ActiveOn(on) {
				total++
			}
		}
	}
	return float64(total) / 12
}

// stability counts permanent staff in post on yearAgo and, of them, those
// still in post on d.
func (r Register) stability(yearAgo, d time.Time) Ratio {
	base, stayed := 0, 0
	for _, w := range r.Staff {
		if w.IsPermanent() && w.ActiveOn(yearAgo) {
			base++
			if w.ActiveOn(d) {
				stayed++
			}
		}
	}
	return StabilityRate(stayed, base)
}

// Month is one calendar month of the 12 to a date: the stock at its end
// (or at the date, in the date's own month), the flows within it, and the
// 12-month turnover to its end.
type Month struct {
	Start, End time.Time
	Stock
	Flows
	Turnover Ratio
}

// Monthly returns the 12 calendar months ending with d's month, oldest
// first; the last ends on d.
func (r Register) Monthly(d time.Time, wd WorkingDays) []Month {
	first := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	out := make([]Month, 0, 12)
	for k := 11; k >= 0; k-- {
		start := first.AddDate(0, -k, 0)
		end := start.AddDate(0, 1, -1)
		if end.After(d) {
			end = d
		}
		m := Month{Start: start, End: end, Stock: r.StockOn(end), Flows: r.FlowsBetween(start, end, wd)}
		_, leaversFTE := r.leaversBetween(addMonths(end, -12).AddDate(0, 0, 1), end)
		m.Turnover = TurnoverRate(leaversFTE, m.FTE)
		out = append(out, m)
	}
	return out
}

// addMonths adds n calendar months to a civil date, clamping to the last
// day of the month (29 February less 12 months is 28 February), as
// calendar.AddMonths does; it is repeated here so the domain needs only
// the standard library.
func addMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	t := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := t.AddDate(0, 1, -1).Day()
	return time.Date(t.Year(), t.Month(), min(day, last), 0, 0, 0, 0, time.UTC)
}
