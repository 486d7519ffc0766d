package auth_test

import (
	"encoding/base64"
	"testing"

	"sightline/internal/auth"
)

func TestTokensAre32RandomBytesInBase64URL(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		tok, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		b, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(b) != 32 || len(tok) != 43 {
			t.Fatalf("token %q: want 43 chars of unpadded base64url for 32 bytes (decode err %v)", tok, err)
		}
		if seen[tok] {
			t.Fatalf("token %q issued twice", tok)
		}
		seen[tok] = true
	}
}

func TestTokenHashIsStableHexSHA256(t *testing.T) {
	// SHA-256("abc") from FIPS 180-2.
	const want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	if got := auth.HashToken("abc"); got != want {
		t.Errorf("HashToken(abc) = %s, want %s", got, want)
	}
	tok, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	first, again := auth.HashToken(tok), auth.HashToken(tok)
	if first != again {
		t.Errorf("hashing one token twice gave %s then %s", first, again)
	}
	if first == tok || len(first) != 64 {
		t.Errorf("HashToken(%q) = %q, want 64 hex characters", tok, first)
	}
	other, _ := auth.NewToken()
	if auth.HashToken(tok) == auth.HashToken(other) {
		t.Error("two tokens hashed the same")
	}
}
