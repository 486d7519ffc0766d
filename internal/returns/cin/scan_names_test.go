package cin

import "testing"

func TestEveryElementNameOfTheSchemaIsKnownAndNoOtherIs(t *testing.T) {
	for _, n := range names {
		if got, ok := knownName([]byte(n)); !ok || got != n {
			t.Errorf("%s: knownName gives %q, %v", n, got, ok)
		}
	}
	for _, n := range []string{"", "Chil", "Childs", "child", "CHILD", "Xhild", "Chilx", "LAchildId", "Reviewz"} {
		if got, ok := knownName([]byte(n)); ok {
			t.Errorf("%q: knownName gives %q, a name not in the schema", n, got)
		}
	}
}

func BenchmarkKnownName(b *testing.B) {
	bs := make([][]byte, len(names))
	for i, n := range names {
		bs[i] = []byte(n)
	}
	for b.Loop() {
		for _, n := range bs {
			knownName(n)
		}
	}
}
