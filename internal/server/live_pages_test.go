package server_test

import (
	"fmt"
	"strings"
	"testing"

	"symposium"
	"symposium/internal/live"
	"symposium/internal/store"
	"symposium/internal/store/storetest"
)

// TestLiveListPages checks that the audience's page of a long list of
// questions shows one page at a time with links to the others, and that
// the presenter's screen still picks its top questions from all.
func TestLiveListPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		_, manager := e.organizer("manager@example.org")
		talk := liveEvent(t, e, manager, "paged", "public", "speaker@example.org")
		ev, err := s.EventBySlug(ctx, "paged")
		if err != nil {
			t.Fatal(err)
		}
		for i := range live.QuestionsPerPage + 3 {
			q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: talk, Text: fmt.Sprintf("Question number %d?", i),
				Language: "en", Status: symposium.LiveVisible, Asker: "u:someone"}
			if err := s.AddLiveQuestion(ctx, ev.ID, q); err != nil {
				t.Fatal(err)
			}
		}
		_, first := e.do("GET", "/live/"+talk+"?sort=time&lang=en", nil, nil)
		if !strings.Contains(first, "Page 1 of 2") || !strings.Contains(first, `rel="next" href="?page=2&amp;sort=time"`) ||
			strings.Count(first, `<li class="live-question`) != live.QuestionsPerPage {
			t.Fatal("the first page lacks its pager or holds the wrong number of questions")
		}
		_, second := e.do("GET", "/live/"+talk+"?sort=time&page=2&lang=en", nil, nil)
		if !strings.Contains(second, "Page 2 of 2") || !strings.Contains(second, `rel="prev"`) || strings.Count(second, `<li class="live-question`) != 3 ||
			!strings.Contains(second, "Question number 0?") {
			t.Fatal("the second page does not hold the oldest three questions")
		}
		_, list := e.api("GET", "/api/v1/contributions/"+talk+"/questions?sort=time", "", nil)
		if len(list["items"].([]any)) != live.QuestionsPerPage || list["next"] != "2" {
			t.Fatalf("the API's first page: %d items, next %v", len(list["items"].([]any)), list["next"])
		}
		_, list = e.api("GET", "/api/v1/contributions/"+talk+"/questions?sort=time&cursor=2", "", nil)
		if len(list["items"].([]any)) != 3 || list["next"] != nil {
			t.Fatalf("the API's last page: %d items, next %v", len(list["items"].([]any)), list["next"])
		}
		_, presenter := e.do("GET", "/live/"+talk+"/presenter?lang=en", nil, nil)
		if strings.Contains(presenter, "live-pager") {
			t.Fatal("the presenter's screen is paged")
		}
	})
}

// TestMinutesPageShowsTheQuestions checks that a contribution's minutes
// page lists the questions asked, with their answers.
func TestMinutesPageShowsTheQuestions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		e := startUnlimited(t, s)
		_, manager := e.organizer("manager@example.org")
		talk := liveEvent(t, e, manager, "mq", "public", "speaker@example.org")
		ev, err := s.EventBySlug(ctx, "mq")
		if err != nil {
			t.Fatal(err)
		}
		q := &symposium.LiveQuestion{ID: symposium.NewID(), ContributionID: talk, Text: "Где хранить водород?", Language: "ru",
			Status: symposium.LiveVisible, Asker: "u:someone"}
		if err := s.AddLiveQuestion(ctx, ev.ID, q); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AnswerLiveQuestion(ctx, q.ID, "Под землёй."); err != nil {
			t.Fatal(err)
		}
		resp, page := e.do("GET", "/events/mq/contributions/"+talk+"/minutes?lang=ru", nil, nil)
		if resp.StatusCode != 200 || !strings.Contains(page, "Вопросы из зала") || !strings.Contains(page, "Где хранить водород?") ||
			!strings.Contains(page, "Под землёй.") {
			t.Fatalf("minutes page = %d without the question and its answer", resp.StatusCode)
		}
	})
}
