package engine

// SetLoadSlice makes a full load read n child ids at a time, until the
// returned function puts it back.
func SetLoadSlice(n int64) (restore func()) {
	old := loadSlice
	loadSlice = n
	return func() { loadSlice = old }
}
