package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Sizes of the salt and derived key that Hash produces.
const (
	saltLen = 16
	keyLen  = 32
)

// Bounds on the parameters Hash accepts and Check will run. They keep a
// corrupt or hostile hash string from making a login allocate gigabytes or
// spin for minutes, and they stay well above DefaultHasher so the
// parameters can be raised later without breaking stored hashes.
const (
	maxMemoryKiB = 256 * 1024 // 256 MiB
	maxTime      = 16
	minSaltLen   = 8 // the Argon2 specification's minimum
	maxSaltLen   = 64
	minKeyLen    = 16
	maxKeyLen    = 64
)

// ErrMalformedHash means a stored password hash could not be parsed. It
// points to corrupt data, not to a wrong password; CheckPassword wraps it
// with what was wrong (never with the hash itself).
var ErrMalformedHash = errors.New("malformed password hash")

// Hasher holds the Argon2id cost parameters used to hash new passwords.
// The parameters are written into each hash, so verifying never depends
// on the Hasher's values and they can be changed without breaking stored
// hashes. Tests use a cheap Hasher to stay fast.
type Hasher struct {
	Memory  uint32 // memory in KiB
	Time    uint32 // number of passes over the memory
	Threads uint8  // degree of parallelism
}

// DefaultHasher returns the parameters sightline hashes passwords with:
// 64 MiB, one pass, two lanes (the RFC 9106 second recommended option,
// scaled to a shared web server). It is a function, not a variable, so no
// code can change the defaults for everyone.
func DefaultHasher() Hasher {
	return Hasher{Memory: 64 * 1024, Time: 1, Threads: 2}
}

// HashPassword hashes password with DefaultHasher and returns a PHC string
// such as "$argon2id$v=19$m=65536,t=1,p=2$<salt>$<key>" for the store to
// keep.
func HashPassword(password string) (string, error) {
	return DefaultHasher().Hash(password)
}

// CheckPassword reports whether password matches hash, using the
// parameters recorded in hash. A wrong password gives false and no error;
// a hash that cannot be parsed gives an error wrapping ErrMalformedHash.
func CheckPassword(hash, password string) (bool, error) {
	return DefaultHasher().Check(hash, password)
}

// Hash hashes password with h's parameters and a fresh random 16-byte salt,
// and returns the PHC string form.
func (h Hasher) Hash(password string) (string, error) {
	p := phc{memory: h.Memory, time: h.Time, threads: h.Threads}
	if err := p.validParams(); err != nil {
		return "", fmt.Errorf("hash password: hasher parameters: %w", err)
	}
	p.salt = make([]byte, saltLen)
	if _, err := rand.Read(p.salt); err != nil {
		return "", fmt.Errorf("hash password: read salt: %w", err)
	}
	p.key = p.derive(password, keyLen)
	return p.String(), nil
}

// Check reports whether password matches hash. It uses the parameters
// recorded in hash, not h's, so hashes made with older parameters still
// verify; see NeedsRehash to upgrade them. The comparison is constant-time.
func (h Hasher) Check(hash, password string) (bool, error) {
	p, err := parsePHC(hash)
	if err != nil {
		return false, fmt.Errorf("check password: %w", err)
	}
	got := p.derive(password, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(got, p.key) == 1, nil
}

// NeedsRehash reports whether hash was made with parameters other than h's
// (or cannot be parsed), so that after a successful sign-in the caller can
// store a fresh hash made with the current parameters.
func (h Hasher) NeedsRehash(hash string) bool {
	p, err := parsePHC(hash)
	if err != nil {
		return true
	}
	return p.memory != h.Memory || p.time != h.Time || p.threads != h.Threads ||
		len(p.salt) != saltLen || len(p.key) != keyLen
}

// phc is a parsed Argon2id hash in the PHC string format.
type phc struct {
	memory  uint32
	time    uint32
	threads uint8
	salt    []byte
	key     []byte
}

// b64 is the encoding the PHC format uses: standard alphabet, no padding.
// Strict decoding rejects non-canonical encodings, so each hash has one form.
var b64 = base64.RawStdEncoding.Strict()

// String formats p as "$argon2id$v=19$m=...,t=...,p=...$salt$key".
func (p phc) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.time, p.threads,
		b64.EncodeToString(p.salt), b64.EncodeToString(p.key))
}

// derive runs Argon2id over password with p's parameters and salt.
func (p phc) derive(password string, n uint32) []byte {
	return argon2.IDKey([]byte(password), p.salt, p.time, p.memory, p.threads, n)
}

// validParams checks the cost parameters are ones argon2 accepts without
// panicking and within the bounds this package is willing to run.
func (p phc) validParams() error {
	switch {
	case p.threads < 1:
		return errors.New("parallelism must be at least 1")
	case p.time < 1 || p.time > maxTime:
		return fmt.Errorf("time must be between 1 and %d", maxTime)
	case p.memory < 8*uint32(p.threads) || p.memory > maxMemoryKiB:
		return fmt.Errorf("memory must be between 8×parallelism and %d KiB", maxMemoryKiB)
	}
	return nil
}

// parsePHC parses an Argon2id PHC string strictly. Every failure wraps
// ErrMalformedHash; none includes the hash, which must not reach logs.
func parsePHC(s string) (phc, error) {
	var p phc
	f := strings.Split(s, "$")
	if len(f) != 6 || f[0] != "" {
		return p, fmt.Errorf("%w: want 5 fields separated by '$'", ErrMalformedHash)
	}
	if f[1] != "argon2id" {
		return p, fmt.Errorf("%w: algorithm is not argon2id", ErrMalformedHash)
	}
	if f[2] != "v="+strconv.Itoa(argon2.Version) {
		return p, fmt.Errorf("%w: unsupported version", ErrMalformedHash)
	}
	if err := p.parseParams(f[3]); err != nil {
		return p, fmt.Errorf("%w: %w", ErrMalformedHash, err)
	}
	var err error
	if p.salt, err = decodeField("salt", f[4], minSaltLen, maxSaltLen); err != nil {
		return p, err
	}
	if p.key, err = decodeField("key", f[5], minKeyLen, maxKeyLen); err != nil {
		return p, err
	}
	return p, nil
}

// parseParams parses "m=<KiB>,t=<passes>,p=<lanes>" in that order.
func (p *phc) parseParams(s string) error {
	kv := strings.Split(s, ",")
	if len(kv) != 3 {
		return errors.New("parameters must be m=,t=,p=")
	}
	m, err := paramValue(kv[0], "m=", 32)
	if err != nil {
		return err
	}
	t, err := paramValue(kv[1], "t=", 32)
	if err != nil {
		return err
	}
	th, err := paramValue(kv[2], "p=", 8)
	if err != nil {
		return err
	}
	p.memory, p.time, p.threads = uint32(m), uint32(t), uint8(th)
	return p.validParams()
}

// paramValue parses one "<prefix><unsigned decimal>" parameter.
func paramValue(s, prefix string, bits int) (uint64, error) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok {
		return 0, fmt.Errorf("parameter %q missing", prefix)
	}
	v, err := strconv.ParseUint(digits, 10, bits)
	if err != nil {
		return 0, fmt.Errorf("parameter %q: not a number in range", prefix)
	}
	return v, nil
}

// decodeField decodes a base64 salt or key and checks its length.
func decodeField(name, s string, minLen, maxLen int) ([]byte, error) {
	b, err := b64.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not base64", ErrMalformedHash, name)
	}
	if len(b) < minLen || len(b) > maxLen {
		return nil, fmt.Errorf("%w: %s must be %d to %d bytes", ErrMalformedHash, name, minLen, maxLen)
	}
	return b, nil
}
