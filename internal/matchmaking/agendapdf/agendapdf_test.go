package agendapdf

import (
	"strings"
	"testing"

	"symposium/internal/pdftest"
)

// TestLongTableNameKeepsToItsColumn writes a table's label longer than
// its column, as Kazakh's "Үстел: …" is, and expects the other person's
// name apart from it rather than run into it.
func TestLongTableNameKeepsToItsColumn(t *testing.T) {
	pdf, err := Write(Agenda{Title: "Симпозиум", Subtitle: "Менің кездесулерім", Meetings: []Meeting{{
		When: "2024 ж. 22 мамыр, 15:00–15:20", Status: "өтті", Table: "Үстел: Booth A, үлкен залдың алдында",
		With: "Ольга Иванова", Organization: "Org", Offers: "Катализаторы"}}})
	if err != nil {
		t.Fatal(err)
	}
	var table, name *pdftest.Piece
	pieces := pdftest.Pieces(t, pdf)
	for i, p := range pieces {
		switch {
		case strings.Contains(p.Text, "Үстел"):
			table = &pieces[i]
		case strings.Contains(p.Text, "Ольга"):
			name = &pieces[i]
		}
	}
	if table == nil || name == nil {
		t.Fatalf("the table or the name is missing: %+v", pieces)
	}
	if table.Left+table.Width > name.Left {
		t.Errorf("the table's label (%d–%d) runs into the name (from %d)", table.Left, table.Left+table.Width, name.Left)
	}
}
