package auth_test

import (
	"errors"
	"strings"
	"testing"

	"sightline/internal/auth"
)

// cheap is a Hasher fast enough to call many times in tests.
var cheap = auth.Hasher{Memory: 64, Time: 1, Threads: 1}

// cheapHash hashes pw with cheap, failing the test on error.
func cheapHash(t testing.TB, pw string) string {
	t.Helper()
	h, err := cheap.Hash(pw)
	if err != nil {
		t.Fatalf("Hash: %v", err)
	}
	return h
}

func TestTheRightPasswordMatchesItsHash(t *testing.T) {
	for _, pw := range []string{"correct horse battery staple", "", "naïve façade ☃", strings.Repeat("x", 256)} {
		ok, err := cheap.Check(cheapHash(t, pw), pw)
		if err != nil || !ok {
			t.Errorf("Check(Hash(%q), %q) = %v, %v; want true, nil", pw, pw, ok, err)
		}
	}
}

func TestAWrongPasswordDoesNotMatch(t *testing.T) {
	hash := cheapHash(t, "correct horse battery staple")
	for _, wrong := range []string{"", "Correct horse battery staple", "correct horse battery staple ", "correct horse battery stapl"} {
		ok, err := cheap.Check(hash, wrong)
		if err != nil || ok {
			t.Errorf("Check(hash, %q) = %v, %v; want false, nil", wrong, ok, err)
		}
	}
}

func TestHashPasswordUsesTheDefaultParametersInPHCFormat(t *testing.T) {
	hash, err := auth.HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "$argon2id$v=19$m=65536,t=1,p=2$"
	if !strings.HasPrefix(hash, prefix) {
		t.Fatalf("hash %q does not start with %q", hash, prefix)
	}
	saltAndKey := strings.Split(strings.TrimPrefix(hash, prefix), "$")
	if len(saltAndKey) != 2 || len(saltAndKey[0]) != 22 || len(saltAndKey[1]) != 43 {
		t.Errorf("want a 16-byte salt (22 chars) and a 32-byte key (43 chars), got %q", saltAndKey)
	}
	ok, err := auth.CheckPassword(hash, "correct horse battery staple")
	if err != nil || !ok {
		t.Errorf("CheckPassword = %v, %v; want true, nil", ok, err)
	}
	if auth.DefaultHasher().NeedsRehash(hash) {
		t.Error("a fresh default hash should not need rehashing")
	}
}

func TestEachHashHasItsOwnSalt(t *testing.T) {
	if a, b := cheapHash(t, "same password"), cheapHash(t, "same password"); a == b {
		t.Errorf("two hashes of one password are equal: %q", a)
	}
}

func TestHashMadeWithOtherParametersStillVerifies(t *testing.T) {
	for _, h := range []auth.Hasher{
		{Memory: 128, Time: 2, Threads: 1},
		{Memory: 256, Time: 3, Threads: 4},
		{Memory: 32, Time: 1, Threads: 4},
	} {
		hash, err := h.Hash("correct horse battery staple")
		if err != nil {
			t.Fatalf("%+v: Hash: %v", h, err)
		}
		ok, err := auth.CheckPassword(hash, "correct horse battery staple")
		if err != nil || !ok {
			t.Errorf("%+v: CheckPassword = %v, %v; want true, nil", h, ok, err)
		}
		if !auth.DefaultHasher().NeedsRehash(hash) {
			t.Errorf("%+v: hash with non-default parameters should need rehashing", h)
		}
	}
}

// TestHashFromAnotherImplementationVerifies uses the example in the
// argon2-cffi README (the reference C implementation underneath), so the
// format and algorithm match what other tools produce and read.
func TestHashFromAnotherImplementationVerifies(t *testing.T) {
	const hash = "$argon2id$v=19$m=65536,t=3,p=4$MIIRqgvgQbgj220jfp0MPA$YfwJSVjtjSU0zzV/P3S9nnQ/USre2wvJMjfCIjrTQbg"
	ok, err := auth.CheckPassword(hash, "correct horse battery staple")
	if err != nil || !ok {
		t.Errorf("CheckPassword = %v, %v; want true, nil", ok, err)
	}
	if ok, _ := auth.CheckPassword(hash, "Tr0ub4dor&3"); ok {
		t.Error("wrong password matched")
	}
}

func TestHashRefusesUnsafeParameters(t *testing.T) {
	for _, h := range []auth.Hasher{
		{},
		{Memory: 64, Time: 0, Threads: 1},
		{Memory: 64, Time: 1, Threads: 0},
		{Memory: 7, Time: 1, Threads: 1},
		{Memory: 64, Time: 1, Threads: 9},
		{Memory: 1 << 30, Time: 1, Threads: 1},
		{Memory: 64, Time: 1000, Threads: 1},
	} {
		if hash, err := h.Hash("pw"); err == nil {
			t.Errorf("%+v: Hash = %q, want an error", h, hash)
		}
	}
}

func TestATamperedHashDoesNotMatch(t *testing.T) {
	hash := cheapHash(t, "correct horse battery staple")
	i := strings.LastIndexByte(hash, '$') + 1
	otherKey := hash[:i] + string(otherBase64Char(hash[i])) + hash[i+1:]
	for name, tampered := range map[string]string{
		"key changed":    otherKey,
		"time changed":   strings.Replace(hash, "t=1", "t=2", 1),
		"memory changed": strings.Replace(hash, "m=64", "m=72", 1),
	} {
		ok, err := cheap.Check(tampered, "correct horse battery staple")
		if ok {
			t.Errorf("%s: tampered hash matched (err %v)", name, err)
		}
	}
}

// otherBase64Char returns a base64 character other than c.
func otherBase64Char(c byte) byte {
	if c == 'A' {
		return 'B'
	}
	return 'A'
}

func TestAMalformedHashIsAnErrorNotAPanic(t *testing.T) {
	good := cheapHash(t, "pw")
	fields := strings.Split(good, "$") // "", argon2id, v=19, params, salt, key
	join := func(f ...string) string { return strings.Join(f, "$") }
	salt, key := fields[4], fields[5]
	for name, hash := range map[string]string{
		"empty":               "",
		"not a hash":          "correct horse battery staple",
		"bcrypt":              "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
		"argon2i":             join("", "argon2i", "v=19", "m=64,t=1,p=1", salt, key),
		"old version":         join("", "argon2id", "v=16", "m=64,t=1,p=1", salt, key),
		"no version":          join("", "argon2id", "m=64,t=1,p=1", salt, key),
		"extra field":         good + "$",
		"missing key":         join("", "argon2id", "v=19", "m=64,t=1,p=1", salt),
		"params out of order": join("", "argon2id", "v=19", "t=1,m=64,p=1", salt, key),
		"param not a number":  join("", "argon2id", "v=19", "m=lots,t=1,p=1", salt, key),
		"negative param":      join("", "argon2id", "v=19", "m=64,t=-1,p=1", salt, key),
		"zero time":           join("", "argon2id", "v=19", "m=64,t=0,p=1", salt, key),
		"zero threads":        join("", "argon2id", "v=19", "m=64,t=1,p=0", salt, key),
		"threads overflow":    join("", "argon2id", "v=19", "m=64,t=1,p=256", salt, key),
		"memory below 8×p":    join("", "argon2id", "v=19", "m=15,t=1,p=2", salt, key),
		"memory huge":         join("", "argon2id", "v=19", "m=4294967295,t=1,p=1", salt, key),
		"memory overflow":     join("", "argon2id", "v=19", "m=4294967296,t=1,p=1", salt, key),
		"time huge":           join("", "argon2id", "v=19", "m=64,t=100000,p=1", salt, key),
		"salt not base64":     join("", "argon2id", "v=19", "m=64,t=1,p=1", "!!!!", key),
		"salt padded":         join("", "argon2id", "v=19", "m=64,t=1,p=1", salt+"==", key),
		"salt too short":      join("", "argon2id", "v=19", "m=64,t=1,p=1", "AAAA", key),
		"key too short":       join("", "argon2id", "v=19", "m=64,t=1,p=1", salt, "AAAA"),
		"key empty":           join("", "argon2id", "v=19", "m=64,t=1,p=1", salt, ""),
	} {
		ok, err := cheap.Check(hash, "pw")
		if ok || !errors.Is(err, auth.ErrMalformedHash) {
			t.Errorf("%s: Check = %v, %v; want false, ErrMalformedHash", name, ok, err)
		}
		if err != nil && len(salt) > 0 && strings.Contains(err.Error(), salt) {
			t.Errorf("%s: error %q quotes the hash", name, err)
		}
		if !auth.DefaultHasher().NeedsRehash(hash) {
			t.Errorf("%s: a malformed hash should need rehashing", name)
		}
	}
}

// FuzzCheckPassword feeds arbitrary hash strings to Check: it must never
// panic, never accept a hash it reports as malformed, and report every
// failure to parse as ErrMalformedHash.
func FuzzCheckPassword(f *testing.F) {
	f.Add(cheapHash(f, "pw"), "pw")
	f.Add("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", "pw")
	f.Add("$argon2id$v=19$m=0,t=0,p=0$$", "")
	f.Add("$argon2id$v=19$m=64,t=1,p=1$====$====", "x")
	f.Add("$$$$$", "")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, hash, pw string) {
		ok, err := cheap.Check(hash, pw)
		if err != nil && (ok || !errors.Is(err, auth.ErrMalformedHash)) {
			t.Fatalf("Check = %v, %v", ok, err)
		}
	})
}
