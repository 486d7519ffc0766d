package web

// dateInput is what the "dateinput" template draws.
type dateInput struct {
	Name, Label, Hint string
	Value             dateField
	Error             string
}

// textField is what the "textfield" template draws.
type textField struct {
	Name, Label, Hint, Value, Error, Width string
}

func init() {
	funcs["dateinput"] = func(name, label, hint string, v dateField, errMsg string) dateInput {
		return dateInput{Name: name, Label: label, Hint: hint, Value: v, Error: errMsg}
	}
	funcs["textfield"] = func(name, label, hint, value, errMsg, width string) textField {
		return textField{Name: name, Label: label, Hint: hint, Value: value, Error: errMsg, Width: width}
	}
}
