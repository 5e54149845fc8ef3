package scheduler

func (pr *problem) diagnose(st *state, d *duals, c []int64) {
	var unplacedPos, placedNeg, idle, nUnplacedPos, nPlacedNeg, nIdle int64
	for r := range pr.reqs {
		u := pr.slack(d, c, r)
		if st.slot[r] < 0 {
			if u > 0 {
				unplacedPos += u
				nUnplacedPos++
			}
			continue
		}
		s := int(st.slot[r])
		red := d.q*c[r] - pr.price(d, &pr.reqs[r], s)
		if red < u {
			placedNeg += u - red
			nPlacedNeg++
		}
	}
	for k, y := range d.y {
		if y > 0 && st.at[k] < 0 {
			idle += y
			nIdle++
		}
	}
	Debug("gap parts (1/%d): unplaced positive %d (%d), placed below best %d (%d), idle priced slots %d (%d)", d.q, unplacedPos, nUnplacedPos, placedNeg, nPlacedNeg, idle, nIdle)
}
