package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"sightline/internal/auth"
	"sightline/internal/casework"
)

// Session is a signed-in browser. Sessions live in the database so that
// several app instances behind a load balancer share them; only a hash of
// the token is kept.
type Session struct {
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	LastSeen  time.Time
}

// ErrSessionExpired means the session timed out (idle or absolute) or was
// ended; the user must sign in again. Its user is still known, so what they
// were typing can be kept for them.
var ErrSessionExpired = errors.New("session expired")

// CreateSession starts a session for a user and returns its token.
func (s *Store) CreateSession(ctx context.Context, userID int64, address, userAgent string) (string, error) {
	token, err := auth.NewToken()
	if err != nil {
		return "", fmt.Errorf("store: new session: %w", err)
	}
	now := s.d.ts(s.Now())
	if len(userAgent) > 300 {
		userAgent = userAgent[:300]
	}
	_, err = s.exec(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, last_seen, address, user_agent)
		VALUES (?,?,?,?,?,?)`, auth.HashToken(token), userID, now, now, address, userAgent)
	if err != nil {
		return "", fmt.Errorf("store: new session: %w", err)
	}
	return token, nil
}

// touchEvery limits how often a session's last-seen time is written: once
// a minute is precise enough for a 30-minute idle timeout and saves a write
// per page view.
const touchEvery = time.Minute

// SessionUser returns the user of a live session and keeps it alive. An
// expired or ended session gives ErrSessionExpired with the user it
// belonged to; an unknown token gives casework.ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, token string, policy auth.SessionPolicy) (User, error) {
	var sess Session
	var created, seen, ended tsCol
	h := auth.HashToken(token)
	err := s.queryRow(ctx, `SELECT user_id, created_at, last_seen, ended_at FROM sessions WHERE token_hash = ?`, h).
		Scan(&sess.UserID, &created, &seen, &ended)
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, fmt.Errorf("store: session: %w", casework.ErrNotFound)
	}
	if err != nil {
		return User{}, fmt.Errorf("store: session: %w", err)
	}
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = ?`, sess.UserID))
	if err != nil {
		return User{}, fmt.Errorf("store: session user: %w", err)
	}
	now := s.Now()
	if ended.valid || u.Disabled || policy.Expired(created.t, seen.t, now) {
		return u, ErrSessionExpired
	}
	if now.Sub(seen.t) >= touchEvery {
		if _, err := s.exec(ctx, `UPDATE sessions SET last_seen = ? WHERE token_hash = ?`, s.d.ts(now), h); err != nil {
			return u, fmt.Errorf("store: touch session: %w", err)
		}
	}
	return u, nil
}

// EndSession signs a session out.
func (s *Store) EndSession(ctx context.Context, token string) error {
	_, err := s.exec(ctx, `UPDATE sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL`,
		s.d.ts(s.Now()), auth.HashToken(token))
	if err != nil {
		return fmt.Errorf("store: end session: %w", err)
	}
	return nil
}

// SaveDraft keeps a form's input for a user whose session ended while they
// typed, so that it is waiting when they sign in again.
func (s *Store) SaveDraft(ctx context.Context, userID int64, path, form string) error {
	now := s.d.ts(s.Now())
	_, err := s.exec(ctx, `INSERT INTO drafts (user_id, path, form, saved_at) VALUES (?,?,?,?)
		ON CONFLICT (user_id, path) DO UPDATE SET form = excluded.form, saved_at = excluded.saved_at`,
		userID, path, form, now)
	if err != nil {
		return fmt.Errorf("store: save draft: %w", err)
	}
	return nil
}

// TakeDraft returns and removes a user's kept input for a page.
func (s *Store) TakeDraft(ctx context.Context, userID int64, path string) (string, bool, error) {
	var form string
	err := s.queryRow(ctx, `SELECT form FROM drafts WHERE user_id = ? AND path = ?`, userID, path).Scan(&form)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: read draft: %w", err)
	}
	if _, err := s.exec(ctx, `DELETE FROM drafts WHERE user_id = ? AND path = ?`, userID, path); err != nil {
		return "", false, fmt.Errorf("store: clear draft: %w", err)
	}
	return form, true, nil
}
