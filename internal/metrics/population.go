package metrics

import (
	"fmt"
	"strconv"
	"strings"
)

// MaxChildPopulation bounds the child population setting: England's
// largest authority has some 330,000 children aged 0 to 17, so a figure
// above a million is a slip of the keyboard, not an authority.
const MaxChildPopulation = 1_000_000

// ParseChildPopulation reads the child population setting as typed: a
// whole number of children from 1 to MaxChildPopulation, with or without
// thousands separators ("55,000"). The number it returns is what is
// stored.
func ParseChildPopulation(typed string) (int, error) {
	s := strings.TrimSpace(typed)
	if s == "" {
		return 0, fmt.Errorf("enter the number of children aged 0 to 17 in the authority")
	}
	digits := strings.NewReplacer(",", "", " ", "").Replace(s)
	n, err := strconv.Atoi(digits)
	if err != nil || strings.HasPrefix(digits, "+") {
		return 0, fmt.Errorf("the number of children must be a whole number, like 55000 or 55,000")
	}
	if n < 1 || n > MaxChildPopulation {
		return 0, fmt.Errorf("the number of children must be between 1 and 1,000,000")
	}
	return n, nil
}
