package cin_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

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
		c.Identifiers.UPN = goodUPN(fmt.Sprintf("201%09d", i))
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
	cpu := processCPU()
	for b.Loop() {
		if _, err := cin.Validate(&m, x); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, records, processCPU()-cpu)
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
	cpu := processCPU()
	for b.Loop() {
		if _, _, err := cin.Read(bytes.NewReader(file.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, records, processCPU()-cpu)
}

// BenchmarkReadInTurn is BenchmarkRead on one goroutine, as the reader
// was before it decoded children on several.
func BenchmarkReadInTurn(b *testing.B) {
	m := manyChildren(20000)
	var file bytes.Buffer
	if err := cin.Write(&file, m); err != nil {
		b.Fatal(err)
	}
	records := cin.Records(&m)
	b.SetBytes(int64(file.Len()))
	cpu := processCPU()
	for b.Loop() {
		if _, _, err := cin.ReadInTurn(bytes.NewReader(file.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, records, processCPU()-cpu)
}

// reportCPU reports records a second of wall time and of CPU time: on a
// shared machine the CPU figure is the steadier, and wall time on an idle
// machine is about CPU time over the cores used.
func reportCPU(b *testing.B, records int, cpu time.Duration) {
	b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "records/s")
	if cpu > 0 {
		b.ReportMetric(float64(records*b.N)/cpu.Seconds(), "records/CPU-s")
	}
}
