package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// tokenBytes is the number of random bytes in a session token: 256 bits,
// far beyond guessing.
const tokenBytes = 32

// NewToken returns a new random session token: 32 bytes from crypto/rand,
// base64url-encoded without padding (43 characters, safe in a cookie). The
// token goes to the browser; only HashToken of it is stored.
func NewToken() (token string, err error) {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new session token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashToken returns the hex SHA-256 of token. The database stores only
// this, so a leaked database does not leak live sessions; a plain hash is
// enough (no salt or stretching) because the token is already 256 random
// bits, not a guessable password.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
