// Package auth holds the pure parts of accounts and access in sightline:
// password hashing and rules, session tokens, roles and the one access
// policy, login throttling and session timeouts.
//
// It has no database and no HTTP handlers. The store package persists what
// this package produces (password hashes, token hashes, failure counts) and
// the web package asks it every access question, so that each rule is
// written once, here, and can be read and tested on its own.
//
// It imports only the standard library and golang.org/x/crypto/argon2.
package auth
