package cin_test

import (
	"bytes"
	"fmt"
	"testing"

	"sightline/internal/returns/cin"
)

// manyChildren is n good children with distinct identifiers.
func manyChildren(n int) cin.Message {
	m := goodMessage()
	base := m.Children[0]
	m.Children = make([]cin.Child, n)
	for i := range m.Children {
		c := base
		c.Identifiers.LAchildID = fmt.Sprintf("C%07d", i)
		c.Identifiers.UPN = goodUPN(fmt.Sprintf("999%09d", i))
		m.Children[i] = c
	}
	return m
}

// BenchmarkValidate reports the rules' speed in records (children,
// episodes, assessments, plans, enquiries, reviews) a second.
func BenchmarkValidate(b *testing.B) {
	m := manyChildren(20000)
	x := cin.NewContext(2026, nil, nil)
	records := cin.Records(&m)
	b.ResetTimer()
	for b.Loop() {
		if _, err := cin.Validate(&m, x); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "records/s")
}

// BenchmarkRead reports the reader's speed on the same children as XML.
func BenchmarkRead(b *testing.B) {
	m := manyChildren(20000)
	var file bytes.Buffer
	if err := cin.Write(&file, m); err != nil {
		b.Fatal(err)
	}
	records := cin.Records(&m)
	b.SetBytes(int64(file.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := cin.Read(bytes.NewReader(file.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "records/s")
}
