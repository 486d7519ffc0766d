package cin

import "fmt"

// Rules across the whole file: the header, identifiers that must be
// unique, and proportions of the return.

var fileRules = []Rule{
	{Code: "100", Message: "Reference Date is incorrect", file: rule100},
	{Code: "8510", Message: "More than one child record with the same LA Child ID", file: rule8510},
	{Code: "1520", Message: "More than one record with the same UPN.", file: rule1520},
	{Code: "2886Q", Query: true, Message: "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)", file: rule2886Q},
	{Code: "2887Q", Query: true, Message: "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return", file: rule2887Q},
	{Code: "2888Q", Query: true, Message: "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.", file: rule2888Q},
}

func rule100(x *Context, m *Message) []Hit {
	if m.Header == nil || m.Header.Collection.ReferenceDate != date(x.Year.End()) {
		return []Hit{{Field: "ReferenceDate"}}
	}
	return nil
}

// duplicates reports every child after the first that shares key's value.
func duplicates(m *Message, field string, key func(*Child) string) []Hit {
	seen := make(map[string]bool, len(m.Children))
	var out []Hit
	for i := range m.Children {
		k := key(&m.Children[i])
		if k == "" {
			continue
		}
		if seen[k] {
			out = append(out, Hit{Child: &m.Children[i], Field: field})
		}
		seen[k] = true
	}
	return out
}

func rule8510(_ *Context, m *Message) []Hit {
	return duplicates(m, "LAchildID", func(c *Child) string { return c.Identifiers.LAchildID })
}

func rule1520(_ *Context, m *Message) []Hit {
	return duplicates(m, "UPN", func(c *Child) string { return c.Identifiers.UPN })
}

// rule2886Q: of the children born, more than 2% have sex U.
func rule2886Q(_ *Context, m *Message) []Hit {
	born, unknown := 0, 0
	for i := range m.Children {
		if unborn(&m.Children[i]) {
			continue
		}
		born++
		if m.Children[i].Identifiers.Sex == "U" {
			unknown++
		}
	}
	if born > 0 && unknown*100 > born*2 {
		return []Hit{{Field: fmt.Sprintf("Sex (%d of %d)", unknown, born)}}
	}
	return nil
}

func rule2887Q(_ *Context, m *Message) []Hit {
	used := map[string]bool{}
	for i := range m.Children {
		for _, d := range m.Children[i].Characteristics.DisabilityCodes() {
			if d != "NONE" {
				used[d] = true
			}
		}
	}
	return whenFile(len(m.Children) > 0 && len(used) < 8, fmt.Sprintf("Disability (%d codes used)", len(used)))
}

// rule2888Q: among the children with a disability, none has more than one.
func rule2888Q(_ *Context, m *Message) []Hit {
	disabled, multiple := 0, 0
	for i := range m.Children {
		n := 0
		for _, d := range m.Children[i].Characteristics.DisabilityCodes() {
			if d != "NONE" {
				n++
			}
		}
		if n > 0 {
			disabled++
		}
		if n > 1 {
			multiple++
		}
	}
	return whenFile(disabled > 1 && multiple == 0, "Disability")
}

func whenFile(ok bool, field string) []Hit {
	if ok {
		return []Hit{{Field: field}}
	}
	return nil
}
