package casework

import (
	"errors"
	"strings"
	"unicode"
)

// upnLetters is the DfE check-letter alphabet: A–Z without I, O and S,
// indexed 0–22. It also gives the value of a letter in position 13 of a
// temporary UPN.
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

// NormaliseIdentifier removes spaces and hyphens and upper-cases, so that
// "a123 4567-89012" and "A12345678901 2" compare equal.
func NormaliseIdentifier(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return unicode.ToUpper(r)
	}, s)
}

// CheckUPN checks a unique pupil number: 13 characters, a check letter, 11
// digits and a final digit or letter (CIN census rules 1510, 1540, 1550).
// The check letter is the DfE modulus-23 letter over characters 2–13
// weighted 2–13.
func CheckUPN(upn string) error {
	u := NormaliseIdentifier(upn)
	if len(u) != 13 {
		return errors.New("UPN must be 13 characters, like A123456789012")
	}
	for i := 1; i < 12; i++ {
		if u[i] < '0' || u[i] > '9' {
			return errors.New("UPN characters 2 to 12 must be digits")
		}
	}
	last := u[12]
	if !(last >= '0' && last <= '9') && strings.IndexByte(upnLetters, last) < 0 {
		return errors.New("UPN character 13 must be a digit or a letter other than I, O or S")
	}
	if u[0] != UPNCheckLetter(u[1:]) {
		return errors.New("UPN check letter is wrong: check the number")
	}
	return nil
}

// UPNCheckLetter returns the check letter for the 12 characters that follow
// it, or 0 if they are not digits (and a final letter).
func UPNCheckLetter(rest string) byte {
	if len(rest) != 12 {
		return 0
	}
	sum := 0
	for i := 0; i < 12; i++ {
		ch := rest[i]
		var v int
		switch {
		case ch >= '0' && ch <= '9':
			v = int(ch - '0')
		case i == 11 && strings.IndexByte(upnLetters, ch) >= 0:
			v = strings.IndexByte(upnLetters, ch)
		default:
			return 0
		}
		sum += v * (i + 2)
	}
	return upnLetters[sum%23]
}

// CheckNHSNumber checks a 10-digit NHS number with its modulus-11 check
// digit (NHS Data Dictionary). Spaces are allowed ("943 476 5919").
func CheckNHSNumber(n string) error {
	d := NormaliseIdentifier(n)
	if len(d) != 10 {
		return errors.New("NHS number must be 10 digits, like 943 476 5919")
	}
	for i := 0; i < 10; i++ {
		if d[i] < '0' || d[i] > '9' {
			return errors.New("NHS number must contain only digits")
		}
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	if check == 10 || check != int(d[9]-'0') {
		return errors.New("NHS number is not valid: check the number")
	}
	return nil
}

// CheckLAChildID applies CIN census rules 1570 and 1580: present, at most 20
// characters, letters and digits only.
func CheckLAChildID(id string) error {
	if id == "" {
		return errors.New("Enter the local authority child ID")
	}
	if len(id) > 20 {
		return errors.New("Local authority child ID must be 20 characters or fewer")
	}
	for _, r := range id {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return errors.New("Local authority child ID must contain only letters and numbers")
		}
	}
	return nil
}
