package auth_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"sightline/internal/auth"
)

func TestNewPasswordRules(t *testing.T) {
	tests := []struct {
		rule string
		pw   string
		want error
	}{
		{"an empty password is missing", "", auth.ErrPasswordMissing},
		{"a short password is too short", "short", auth.ErrPasswordTooShort},
		{"11 characters is too short", "abcdefghijk", auth.ErrPasswordTooShort},
		{"12 characters is long enough", "tram lighter", nil},
		{"length counts characters, not bytes (11)", "café au lai", auth.ErrPasswordTooShort},
		{"length counts characters, not bytes (12)", "naïve façade", nil},
		{"one letter repeated is refused", "aaaaaaaaaaaa", auth.ErrPasswordRepeated},
		{"one space repeated is refused", strings.Repeat(" ", 20), auth.ErrPasswordRepeated},
		{"one accented letter repeated is refused", strings.Repeat("é", 12), auth.ErrPasswordRepeated},
		{"a worst password is refused", "password1234", auth.ErrPasswordCommon},
		{"worst passwords ignore case", "Password1234", auth.ErrPasswordCommon},
		{"digits in order are refused", "123456789012", auth.ErrPasswordCommon},
		{"a keyboard row is refused", "qwertyuiopas", auth.ErrPasswordCommon},
		{"the system's name is refused", "SIGHTLINE123", auth.ErrPasswordCommon},
		{"a passphrase is fine", "correct horse battery staple", nil},
		{"256 bytes is fine", strings.Repeat("ab", 128), nil},
		{"257 bytes is too long", strings.Repeat("ab", 128) + "c", auth.ErrPasswordTooLong},
		{"the byte limit applies to multi-byte text", strings.Repeat("éa", 86), auth.ErrPasswordTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			if got := auth.ValidateNewPassword(tt.pw); !errors.Is(got, tt.want) || (tt.want == nil) != (got == nil) {
				t.Errorf("ValidateNewPassword(%q) = %v, want %v", tt.pw, got, tt.want)
			}
		})
	}
}

func TestPasswordErrorsAreUserFacingMessages(t *testing.T) {
	err := auth.ValidateNewPassword("short")
	var pe auth.PasswordError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a PasswordError", err)
	}
	if got, want := err.Error(), "Enter a password of at least 12 characters"; got != want {
		t.Errorf("message = %q, want %q", got, want)
	}
}

func TestGeneratedPasswordsAreValidReadableAndDifferent(t *testing.T) {
	format := regexp.MustCompile(`^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$`)
	seen := map[string]bool{}
	for range 200 {
		pw := auth.GeneratePassword()
		if err := auth.ValidateNewPassword(pw); err != nil {
			t.Fatalf("GeneratePassword() = %q, which fails validation: %v", pw, err)
		}
		if !format.MatchString(pw) {
			t.Fatalf("GeneratePassword() = %q, want 4 groups of 4 without look-alikes (0, o, 1, l, i)", pw)
		}
		if seen[pw] {
			t.Fatalf("GeneratePassword() repeated %q", pw)
		}
		seen[pw] = true
	}
}

func TestGeneratedPasswordsUseTheWholeAlphabet(t *testing.T) {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	used := map[rune]bool{}
	for range 200 {
		for _, r := range strings.ReplaceAll(auth.GeneratePassword(), "-", "") {
			used[r] = true
		}
	}
	for _, r := range alphabet {
		if !used[r] {
			t.Errorf("character %q never appeared in 3200 draws", r)
		}
	}
}
