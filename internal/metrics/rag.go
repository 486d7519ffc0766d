package metrics

// RAG is a figure's rating against its target.
type RAG string

// Ratings. None: the indicator has no target or no value.
const (
	Green RAG = "green"
	Amber RAG = "amber"
	Red   RAG = "red"
	None  RAG = ""
)

// Rate rates a value against the indicator's target: green when it meets
// the target; amber when it misses by no more than the margin (5 points of
// a percentage, or a tenth of the target and one for other units); red
// beyond that. The margin is a local choice, shown beside the tiles.
func (in Indicator) Rate(value *float64) RAG {
	if value == nil || in.Target == nil || in.Polarity == Neutral {
		return None
	}
	v, t := *value, *in.Target
	margin := t/10 + 1
	if in.Unit == Percent {
		margin = 5
	}
	miss := v - t // how far past the target in the bad direction
	if in.Polarity == HigherBetter {
		miss = t - v
	}
	switch {
	case miss <= 0:
		return Green
	case miss <= margin:
		return Amber
	}
	return Red
}
