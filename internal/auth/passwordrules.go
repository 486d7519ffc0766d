package auth

import (
	"crypto/rand"
	"strings"
	"unicode/utf8"
)

// Limits on new passwords. The minimum follows NCSC guidance (length over
// complexity rules); the maximum stops someone pasting a novel into the form.
const (
	MinPasswordChars = 12  // characters (runes), not bytes
	MaxPasswordBytes = 256 // bytes, as stored and hashed
)

// PasswordError is a broken rule for a new password. Its message is
// written for the person choosing the password and can be shown on the form
// as it is. The values are constants, so errors.Is and == both work.
type PasswordError string

// Error returns the user-facing message.
func (e PasswordError) Error() string { return string(e) }

// The rules ValidateNewPassword enforces, one error each.
const (
	// ErrPasswordMissing means the password field was empty.
	ErrPasswordMissing PasswordError = "Enter a password"
	// ErrPasswordTooShort means fewer than MinPasswordChars characters.
	ErrPasswordTooShort PasswordError = "Enter a password of at least 12 characters"
	// ErrPasswordTooLong means more than MaxPasswordBytes bytes.
	ErrPasswordTooLong PasswordError = "Enter a password of 256 characters or fewer"
	// ErrPasswordRepeated means one character repeated, such as "aaaaaaaaaaaa".
	ErrPasswordRepeated PasswordError = "Enter a password that is not one character repeated"
	// ErrPasswordCommon means the password is on the list of worst passwords.
	ErrPasswordCommon PasswordError = "Enter a password that is harder to guess"
)

// ValidateNewPassword checks a password someone has chosen against the
// rules for new passwords and returns the first rule it breaks, or nil.
// Existing passwords are never re-checked, so rules can tighten later.
func ValidateNewPassword(pw string) error {
	switch {
	case pw == "":
		return ErrPasswordMissing
	case len(pw) > MaxPasswordBytes:
		return ErrPasswordTooLong
	case utf8.RuneCountInString(pw) < MinPasswordChars:
		return ErrPasswordTooShort
	case oneCharRepeated(pw):
		return ErrPasswordRepeated
	case isWorstPassword(pw):
		return ErrPasswordCommon
	}
	return nil
}

// oneCharRepeated reports whether pw is a single character repeated.
func oneCharRepeated(pw string) bool {
	first, _ := utf8.DecodeRuneInString(pw)
	for _, r := range pw {
		if r != first {
			return false
		}
	}
	return true
}

// isWorstPassword reports whether pw, ignoring case, is one of a small list
// of passwords that meet the length rule but are among the first an
// attacker would try. It is a switch rather than a variable so nothing can
// change the list at run time.
func isWorstPassword(pw string) bool {
	switch strings.ToLower(pw) {
	case "password1234", "password12345", "password123!", "passwordpassword",
		"123456789012", "1234567890123", "12345678901234", "123412341234",
		"qwertyuiopas", "qwertyuiop12", "qwerty123456", "abcdefghijkl",
		"iloveyou1234", "welcome12345", "letmein12345", "changeme1234",
		"sightline123", "sightline1234", "socialwork12", "socialworker",
		"children1234":
		return true
	}
	return false
}

// generatedAlphabet is lowercase letters and digits without look-alikes
// (0/o, 1/l/i), so a one-time password can be read out over the phone.
const generatedAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// GeneratePassword returns a random one-time password such as
// "k7mp-3xqa-v9fh-w2dn": four groups of four characters from
// generatedAlphabet joined by '-', about 79 bits of entropy. An
// administrator gives it to a new user, who must then choose their own.
// It always passes ValidateNewPassword. It returns no error because
// crypto/rand.Read never fails (since Go 1.24 it crashes the program
// instead of returning weak randomness).
func GeneratePassword() string {
	const groups, per = 4, 4
	var b strings.Builder
	for i := range groups * per {
		if i > 0 && i%per == 0 {
			b.WriteByte('-')
		}
		b.WriteByte(generatedAlphabet[randomIndex(len(generatedAlphabet))])
	}
	return b.String()
}

// randomIndex returns a uniformly random integer in [0, n) for 0 < n <= 256,
// rejecting bytes that would bias the result.
func randomIndex(n int) int {
	limit := 256 - 256%n
	var buf [1]byte
	for {
		_, _ = rand.Read(buf[:]) // never fails; see GeneratePassword
		if int(buf[0]) < limit {
			return int(buf[0]) % n
		}
	}
}
