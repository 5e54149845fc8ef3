package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var table = Table{
	Header: []string{"name", "email"},
	Rows: [][]string{
		{"Гүлнар Шаймергенова", "g@example.kz"},
		{`=cmd|' /C calc'!A0`, "+1@example.org"},
		{"张伟", "-x@example.org"},
		{"@SUM(A1)", "a,b \"quoted\""},
	},
}

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+7 701": "'+7 701", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "Astana": "Astana", "": ""} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, table); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\ufeff") {
		t.Error("no byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != "Гүлнар Шаймергенова" || rows[2][0] != `'=cmd|' /C calc'!A0` || rows[2][1] != "'+1@example.org" || rows[4][1] != `a,b "quoted"` {
		t.Errorf("rows = %q", rows)
	}
}

func TestXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "Registrations", table); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Registrations")
	if err != nil {
		t.Fatal(err)
	}
	if rows[3][0] != "张伟" || rows[2][0] != `'=cmd|' /C calc'!A0` {
		t.Errorf("rows = %q", rows)
	}
	if formula, _ := f.GetCellFormula("Registrations", "A3"); formula != "" {
		t.Errorf("cell A3 holds a formula: %q", formula)
	}
}
