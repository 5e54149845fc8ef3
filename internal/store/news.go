package store

import (
	"context"
	"fmt"
	"time"

	"symposium"
)

const newsColumns = `id, title, body, status, published_at, created_at, updated_at, author_name`

func scanNews(row interface{ Scan(...any) error }) (*symposium.NewsPost, error) {
	var n symposium.NewsPost
	var published time.Time
	if err := row.Scan(&n.ID, jsonCol{&n.Title}, jsonCol{&n.Body}, &n.Status, timeCol{&published}, timeCol{&n.CreatedAt},
		timeCol{&n.UpdatedAt}, &n.AuthorName); err != nil {
		return nil, err
	}
	if !published.IsZero() {
		n.PublishedAt = &published
	}
	return &n, nil
}

// SaveNews stores a new post (empty ID) or replaces a stored one; a post
// published for the first time gets its publication time.
func (s *Store) SaveNews(ctx context.Context, n *symposium.NewsPost, author *symposium.User) error {
	n.UpdatedAt = now()
	if n.Status == symposium.ReportPublished && n.PublishedAt == nil {
		at := n.UpdatedAt
		n.PublishedAt = &at
	}
	var published time.Time
	if n.PublishedAt != nil {
		published = *n.PublishedAt
	}
	err := s.write(ctx, func(t *tx) error {
		if n.ID == "" {
			n.ID, n.CreatedAt, n.AuthorName = symposium.NewID(), n.UpdatedAt, author.Name
			_, err := t.exec(`INSERT INTO news_posts (id, title, body, status, published_at, created_at, updated_at, author_id, author_name)
				VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`, n.ID, jsonText(n.Title), jsonText(n.Body), n.Status, ts(published),
				ts(n.CreatedAt), author.ID, author.Name)
			return err
		}
		c, err := affected(t.exec(`UPDATE news_posts SET title = $2, body = $3, status = $4, published_at = $5, updated_at = $6 WHERE id = $1`,
			n.ID, jsonText(n.Title), jsonText(n.Body), n.Status, ts(published), ts(n.UpdatedAt)))
		if err == nil && c == 0 {
			return symposium.NotFound()
		}
		return err
	})
	if symposium.AsError(err) != nil {
		return err
	}
	if err != nil {
		return fmt.Errorf("store: save news: %w", err)
	}
	return nil
}

// News returns one post of the site's news.
func (s *Store) News(ctx context.Context, id string) (*symposium.NewsPost, error) {
	n, err := scanNews(s.read.QueryRowContext(ctx, `SELECT `+newsColumns+` FROM news_posts WHERE id = $1`, id))
	if err != nil {
		return nil, notFound("news", err)
	}
	return n, nil
}

// NewsPosts returns up to limit posts, the newest first: only the
// published ones unless drafts is set.
func (s *Store) NewsPosts(ctx context.Context, drafts bool, limit int) ([]*symposium.NewsPost, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+newsColumns+` FROM news_posts WHERE $1 OR status = 'published'
		ORDER BY COALESCE(published_at, created_at) DESC, id LIMIT $2`, drafts, limit)
	if err != nil {
		return nil, fmt.Errorf("store: news: %w", err)
	}
	defer rows.Close()
	var out []*symposium.NewsPost
	for rows.Next() {
		n, err := scanNews(rows)
		if err != nil {
			return nil, fmt.Errorf("store: news: %w", err)
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
