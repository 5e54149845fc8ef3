// Package export writes tables as CSV and XLSX for managers to download.
// Every cell that a spreadsheet would read as a formula is neutralized, so
// that a name such as =HYPERLINK(…) or =cmd|… stays text.
package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Table is a header and rows of text cells.
type Table struct {
	Header []string
	Rows   [][]string
}

// Safe returns a cell that no spreadsheet reads as a formula: one that
// starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, as OWASP advises for CSV injection.
func Safe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// WriteCSV writes the table as UTF-8 CSV with a byte-order mark, which
// spreadsheet programs need to read Chinese, Kazakh and Russian right.
func WriteCSV(w io.Writer, t Table) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	cw := csv.NewWriter(w)
	for _, row := range append([][]string{t.Header}, t.Rows...) {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = Safe(c)
		}
		if err := cw.Write(safe); err != nil {
			return fmt.Errorf("export: csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export: csv: %w", err)
	}
	return nil
}

// WriteXLSX writes the table as one sheet of an Excel workbook, every cell
// a text cell, with the header row bold and frozen.
func WriteXLSX(w io.Writer, sheet string, t Table) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	for r, row := range append([][]string{t.Header}, t.Rows...) {
		cells := make([]any, len(row))
		for i, c := range row {
			cell := excelize.Cell{Value: Safe(c)}
			if r == 0 {
				cell.StyleID = bold
			}
			cells[i] = cell
		}
		axis, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(axis, cells); err != nil {
			return fmt.Errorf("export: xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("export: xlsx: %w", err)
	}
	return nil
}
