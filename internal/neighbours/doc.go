// Package neighbours holds the published figures of real local authorities
// that sightline compares the authority with, beside England: its
// statistical neighbours.
//
// The demo authority is fictional, so it has no DfE statistical neighbour
// set of its own. Its improving-2017 history is modelled on Sunderland
// (inadequate in 2015, improving from 2017), and the published local
// authority figures kept here are those of the twelve North East
// authorities, Sunderland's region. The neighbours are chosen from them by
// a stated method (Choose): the ten authorities most like the model
// authority on three published characteristics at 31 March 2024 — the
// number of children aged 0 to 17 (on a log scale, so that size is compared
// by ratio), children in need per 10,000 and children looked after per
// 10,000 — each standardised across the twelve (mean 0, standard deviation
// 1), nearest by Euclidean distance. Ten is the size of DfE's own
// statistical neighbour groups. DfE's model uses socio-economic measures
// (deprivation, income) that are not in the figures kept, so this is a
// stand-in for it, not a copy.
//
// A neighbour average is the plain mean of the neighbours whose figure is
// published (suppressed figures, "c" or "low", are left out and the count
// says so), as DfE's benchmarking tools show it; the range is their lowest
// and highest.
//
// The figures (north_east_2024.csv) are copied from DfE official
// statistics, Crown copyright, published under the Open Government Licence
// v3.0: Children in need (tables b1, c1, d3, d5) and Children's social
// work workforce (csww indicators), as mirrored by
// github.com/dfe-analytical-services/CSC_outcomes_and_enablers (data/,
// commits dc8422ac and 7400a593); Children looked after in England
// including adoptions, 2024 release (LA-level rates, placement stability,
// care leavers' activity), as mirrored by
// github.com/BenGoodair/childrens_social_care_data (Raw_Data/LA_level/
// Children_Placement_Characteristics/post_2017_updated25/data/, ca4389a).
// Each row names its file and column. Three figures are worked out from
// published counts rather than copied as rates, and their rows show the
// counts: child protection plans per 10,000 (plans at 31 March ÷ the
// children aged 0 to 17 used for the same year's looked-after rates ×
// 10,000, which reproduces England's published 41.6), and the placement
// stability and care leavers' percentages (to one decimal place where the
// published percentage is rounded to a whole number).
package neighbours
