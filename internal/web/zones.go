package web

import (
	"fmt"
	"strings"
	"time"
)

// worldZones are offered in the time zone picker after the common ones:
// the zones of the capitals and large cities where symposia meet.
var worldZones = []string{"Asia/Dubai", "Asia/Kabul", "Asia/Karachi", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Dhaka",
	"Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Manila",
	"Asia/Seoul", "Asia/Tokyo", "Asia/Ulaanbaatar", "Asia/Dushanbe", "Asia/Ashgabat", "Asia/Baku", "Asia/Tbilisi",
	"Asia/Yerevan", "Asia/Tehran", "Asia/Riyadh", "Asia/Jerusalem", "Asia/Novosibirsk", "Asia/Omsk", "Asia/Yekaterinburg",
	"Asia/Krasnoyarsk", "Asia/Irkutsk", "Asia/Vladivostok", "Europe/Minsk", "Europe/Kyiv", "Europe/Warsaw", "Europe/Prague",
	"Europe/Vienna", "Europe/Rome", "Europe/Paris", "Europe/Madrid", "Europe/Amsterdam", "Europe/Brussels", "Europe/Stockholm",
	"Europe/Helsinki", "Europe/Athens", "Europe/Lisbon", "Africa/Cairo", "Africa/Nairobi", "Africa/Lagos", "Africa/Johannesburg",
	"America/Sao_Paulo", "America/Buenos_Aires", "America/Mexico_City", "America/New_York", "America/Chicago",
	"America/Denver", "America/Los_Angeles", "America/Toronto", "America/Vancouver", "Australia/Perth", "Australia/Sydney",
	"Pacific/Auckland"}

// zoneChoice is one entry of the time zone picker: the zone's name and
// what the reader finds it by, its city and its offset from UTC.
type zoneChoice struct {
	Value, Label string
}

// zoneChoices lists the given zones, then the world's, each once, with
// labels such as "Almaty · UTC+05:00"; the picker finds a zone by any
// part of its name or offset.
func zoneChoices(first []string) []zoneChoice {
	seen := map[string]bool{}
	var out []zoneChoice
	now := time.Now()
	for _, name := range append(append([]string{}, first...), worldZones...) {
		if seen[name] {
			continue
		}
		seen[name] = true
		loc, err := time.LoadLocation(name)
		if err != nil {
			continue
		}
		city := name
		if i := strings.LastIndex(name, "/"); i >= 0 {
			city = strings.ReplaceAll(name[i+1:], "_", " ")
		}
		_, offset := now.In(loc).Zone()
		sign := "+"
		if offset < 0 {
			sign, offset = "-", -offset
		}
		out = append(out, zoneChoice{Value: name, Label: fmt.Sprintf("%s · UTC%s%02d:%02d", city, sign, offset/3600, offset%3600/60)})
	}
	return out
}
