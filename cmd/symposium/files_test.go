package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"symposium/internal/store/storetest"
)

// call sends a JSON request with the bearer token and decodes the answer.
func call(t *testing.T, method, url, token string, body any) (int, map[string]any, []byte) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = strings.NewReader(string(b))
	}
	req, _ := http.NewRequest(method, url, r)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return resp.StatusCode, out, raw
}

// TestServeKeepsFilesWhereTheOperatorSays uploads a material to a server
// started with --files and to one started without: the first keeps the
// file in the directory, the second in the database; both serve it.
func TestServeKeepsFilesWhereTheOperatorSays(t *testing.T) {
	for _, mode := range []string{"directory", "database"} {
		t.Run(mode, func(t *testing.T) {
			vars := map[string]string{"SYMPOSIUM_DB": "sqlite:" + storetest.SQLitePath(t)}
			ctx := context.Background()
			if _, errOut, err := runCmd(t, ctx, vars, "correct horse battery\n", "user", "add", "--email", "a@example.org", "--name", "A", "--admin"); err != nil {
				t.Fatalf("user add: %v\n%s", err, errOut)
			}
			out, _, err := runCmd(t, ctx, vars, "", "token", "create", "--email", "a@example.org")
			if err != nil {
				t.Fatal(err)
			}
			token := strings.TrimSpace(out)
			dir := filepath.Join(t.TempDir(), "files")
			var extra []string
			if mode == "directory" {
				extra = []string{"--files", dir}
			}
			base, stop := serve(t, vars, extra...)
			defer func() { _ = stop() }()
			start := time.Now().UTC().AddDate(0, 0, 30).Truncate(time.Hour)
			if code, ev, _ := call(t, "POST", base+"/api/v1/events", token, map[string]any{"slug": "fest", "title": map[string]string{"en": "Fest"},
				"starts_at": start, "ends_at": start.Add(8 * time.Hour), "timezone": "Asia/Almaty", "visibility": "public", "languages": []string{"en"}}); code != 201 {
				t.Fatalf("create event = %d %v", code, ev)
			}
			pdf := []byte("%PDF-1.4\n% the operator's file\n%%EOF\n")
			code, m, raw := call(t, "POST", base+"/api/v1/events/fest/materials", token, map[string]any{"file_name": "slides.pdf", "content": pdf,
				"title": map[string]string{"en": "Slides"}, "visibility": "everyone"})
			if code != 201 {
				t.Fatalf("upload = %d %s", code, raw)
			}
			entries, _ := os.ReadDir(dir)
			if mode == "directory" && len(entries) != 1 {
				t.Errorf("the directory holds %d entries; want the file's", len(entries))
			}
			if mode == "database" && len(entries) != 0 {
				t.Errorf("without --files the directory holds %d entries", len(entries))
			}
			resp, err := http.Get(base + "/events/fest/materials/" + m["id"].(string) + "/file")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(body) != string(pdf) {
				t.Errorf("the file served = %d %q", resp.StatusCode, body)
			}
		})
	}
	t.Run("unwritable", func(t *testing.T) {
		vars := map[string]string{"SYMPOSIUM_DB": "sqlite:" + storetest.SQLitePath(t), "SYMPOSIUM_FILES_DIR": "/proc/symposium-files"}
		if _, _, err := runCmd(t, context.Background(), vars, "", "serve", "--addr", "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "file directory") {
			t.Errorf("serve with an unwritable SYMPOSIUM_FILES_DIR: %v; want refused naming the file directory", err)
		}
	})
}
